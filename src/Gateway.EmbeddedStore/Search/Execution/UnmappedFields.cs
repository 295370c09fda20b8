using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// <c>fields</c> entries with <c>include_unmapped: true</c> (Elasticsearch's <c>FieldFetcher</c>): besides the mapped
/// fields, every leaf of <c>_source</c> whose path the mapping does not know (<c>dynamic: false</c>, unmapped indices)
/// and the pattern matches, under its full dotted path, with the values as the source holds them (arrays flattened,
/// nulls left out). Objects under nested paths are not walked: their fields come grouped by the nested path.
/// </summary>
internal static class UnmappedFields
{
    public static void Add(SearchContext context, JsonObject source, string pattern, JsonObject fields)
    {
        foreach (var (path, value) in Leaves(context, source, null))
        {
            if (!Wildcard.Matches(pattern, path))
            {
                continue;
            }

            if (fields[path] is not JsonArray values)
            {
                values = [];
                fields[path] = values;
            }

            values.Add(value.DeepClone());
        }
    }

    private static IEnumerable<(string Path, JsonNode Value)> Leaves(SearchContext context, JsonNode? node, string? path)
    {
        switch (node)
        {
            case JsonObject obj:
                var mapping = path is null ? null : context.Field(path);
                if (mapping is not null && (mapping.Kind != FieldKind.Object || Nested.NestedPaths.IsNested(mapping)))
                {
                    // A mapped value written as an object (a geo point, a flattened field) or nested objects: not unmapped.
                    yield break;
                }

                foreach (var (key, value) in obj)
                {
                    foreach (var leaf in Leaves(context, value, path is null ? key : path + "." + key))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var leaf in Leaves(context, item, path))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValue value when path is not null && value.GetValueKind() != System.Text.Json.JsonValueKind.Null && context.Field(path) is null:
                yield return (path, value);
                break;
        }
    }
}
