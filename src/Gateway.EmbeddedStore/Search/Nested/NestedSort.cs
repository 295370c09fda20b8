using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Nested;

/// <summary>
/// A sort's <c>nested</c> option (Elasticsearch's <c>NestedSortBuilder</c>): the document sorts by the values its objects
/// under <see cref="Path"/> hold, only the objects matching <see cref="Filter"/>, at most <see cref="MaxChildren"/> of
/// them per document, through <see cref="Nested"/> for a deeper path; the sort's <c>mode</c> then picks among them.
/// </summary>
internal sealed class NestedSort
{
    private readonly Dictionary<SearchContext, DocBits> _filtered = [];

    private NestedSort(string path, QueryNode? filter, int? maxChildren, NestedSort? nested)
    {
        Path = path;
        Filter = filter;
        MaxChildren = maxChildren;
        Nested = nested;
    }

    public string Path { get; }

    public QueryNode? Filter { get; }

    public int? MaxChildren { get; }

    public NestedSort? Nested { get; }

    public static NestedSort Parse(JsonNode? node)
    {
        var obj = node as JsonObject ?? throw StoreException.Parsing("[nested] failed to parse, expected an object but found [" + JsonValues.TokenName(node) + "]");
        string? path = null;
        QueryNode? filter = null;
        int? maxChildren = null;
        NestedSort? nested = null;
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "path":
                    path = JsonValues.AsString(value);
                    break;
                case "filter":
                    filter = QueryParser.Parse(value);
                    break;
                case "max_children":
                    maxChildren = JsonValues.ToInt(value, key);
                    break;
                case "nested":
                    nested = Parse(value);
                    break;
                default:
                    throw new StoreException(400, "x_content_parse_exception", "[nested] unknown field [" + key + "]");
            }
        }

        return new NestedSort(path ?? throw StoreException.IllegalArgument("[nested] requires 'path' field"), filter, maxChildren, nested);
    }

    /// <summary>Checks the paths against <paramref name="context"/>'s mapping, as Elasticsearch does when it builds the sort.</summary>
    public void Validate(SearchContext context)
    {
        var field = context.Field(Path);
        if (field is null)
        {
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard("[nested] failed to find nested object under path [" + Path + "]", context.IndexName));
        }

        if (!NestedPaths.IsNested(field))
        {
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard("[nested] nested object under path [" + Path + "] is not of nested type", context.IndexName));
        }

        if (context.Level is { } level && !Path.StartsWith(level.Path + ".", StringComparison.Ordinal))
        {
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard(
                "[nested] nested object under path [" + Path + "] is not below the enclosing nested path [" + level.Path + "]", context.IndexName));
        }

        if (Nested is { } deeper)
        {
            deeper.Validate(context.Nested(NestedDocs.For(context, Path)));
        }
    }

    /// <summary>The values of <paramref name="field"/> in the objects of document <paramref name="ord"/> that the sort considers.</summary>
    public FieldValues? Values(SearchContext context, int ord, string field)
    {
        var collected = new List<FieldValues>();
        Collect(context, ord, field, collected);
        if (collected.Count == 0)
        {
            return null;
        }

        return new FieldValues
        {
            Mapping = collected[0].Mapping,
            Keywords = Merge(collected, v => v.Keywords),
            Texts = Merge(collected, v => v.Texts),
            Longs = Merge(collected, v => v.Longs),
            Doubles = Merge(collected, v => v.Doubles),
            Points = Merge(collected, v => v.Points),
        };
    }

    private void Collect(SearchContext context, int ord, string field, List<FieldValues> collected)
    {
        var docs = NestedDocs.For(context, Path);
        var child = context.Nested(docs);
        var filter = Filter is null ? null : Filtered(child);
        var (start, end) = docs.Children(ord);
        var taken = 0;
        for (var c = start; c < end && (MaxChildren is not { } max || taken < max); c++)
        {
            if (filter is not null && !filter[c])
            {
                continue;
            }

            taken++;
            if (Nested is { } deeper)
            {
                deeper.Collect(child, c, field, collected);
            }
            else if (child.Snapshot.Doc(c).Fields.TryGetValue(field, out var values))
            {
                collected.Add(values);
            }
        }
    }

    private DocBits Filtered(SearchContext child)
    {
        if (!_filtered.TryGetValue(child, out var bits))
        {
            bits = Filter!.Execute(child, scoring: false).Bits;
            _filtered[child] = bits;
        }

        return bits;
    }

    private static List<T>? Merge<T>(List<FieldValues> collected, Func<FieldValues, IReadOnlyList<T>?> pick)
    {
        var lists = collected.Select(pick).Where(l => l is not null).ToList();
        return lists.Count == 0 ? null : [.. lists.SelectMany(l => l!)];
    }
}
