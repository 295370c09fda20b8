using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>Field checks and value extraction shared by aggregations.</summary>
internal static class AggField
{
    /// <summary>The field's mapping in the first index that maps it; rejects text fields as Elasticsearch does.</summary>
    public static FieldMapping? Resolve(AggDocs docs, string field)
    {
        FieldMapping? found = null;
        foreach (var (outcome, _) in docs.Parts)
        {
            var mapping = outcome.Context.Field(field);
            if (mapping is null)
            {
                continue;
            }

            if (mapping.Kind == FieldKind.Text)
            {
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                    "Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [" +
                    field + "] in order to load field data by uninverting the inverted index. Note that this can use significant memory."));
            }

            found ??= mapping;
        }

        return found;
    }

    public static IReadOnlyList<double> Numbers(FieldValues? values) => FieldNumbers.Of(values);

    public static IEnumerable<string> Strings(FieldValues? values)
    {
        if (values?.Keywords is not { } keywords)
        {
            return [];
        }

        return values.Mapping.IgnoreAbove is { } max ? keywords.Where(k => k.Length <= max).Distinct(StringComparer.Ordinal) : keywords.Distinct(StringComparer.Ordinal);
    }

    public static bool IsFloating(FieldKind kind) => kind is FieldKind.Double or FieldKind.Float or FieldKind.HalfFloat;

    public static string Require(System.Text.Json.Nodes.JsonObject options, string type)
    {
        var field = JsonValues.AsString(options["field"]);
        if (field is null)
        {
            throw new StoreException(400, "illegal_argument_exception", "Required one of fields [field, script], but none were specified. ");
        }

        _ = type;
        return field;
    }
}
