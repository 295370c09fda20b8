using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>nested</c>: documents with at least one object under <see cref="Path"/> (a field mapped <c>nested</c>) that
/// matches the inner query on its own (<see cref="NestedElementFilter"/>); constant score (the store's nested queries
/// filter; <c>score_mode</c> is accepted and has no effect), <c>ignore_unmapped</c> honoured, <c>inner_hits</c> refused.
/// </summary>
internal sealed class NestedQuery : QueryNode
{
    private NestedQuery(string path, NestedElementFilter filter, bool ignoreUnmapped)
    {
        Path = path;
        Filter = filter;
        IgnoreUnmapped = ignoreUnmapped;
    }

    public string Path { get; }

    public NestedElementFilter Filter { get; }

    public bool IgnoreUnmapped { get; }

    public static NestedQuery Parse(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[nested] query malformed, no start_object after query name");
        QueryParser.RequireKnown("nested", obj, "path", "query", "score_mode", "ignore_unmapped", "inner_hits");
        if (obj.ContainsKey("inner_hits"))
        {
            throw StoreException.Parsing("[nested] the embedded store does not support [inner_hits]");
        }

        var path = JsonValues.AsString(obj["path"]) ?? throw StoreException.Parsing("[nested] requires 'path' field");
        if (obj["query"] is null)
        {
            throw StoreException.Parsing("[nested] requires 'query' field");
        }

        if (obj["score_mode"] is { } mode && JsonValues.AsString(mode) is not ("avg" or "max" or "min" or "sum" or "none"))
        {
            throw StoreException.IllegalArgument("No score mode for child query [" + JsonValues.AsString(mode) + "] found");
        }

        var ignore = obj["ignore_unmapped"] is { } i && JsonValues.ToBool(i, "ignore_unmapped");
        return QueryParser.WithCommon(new NestedQuery(path, NestedElementFilter.Parse(obj["query"], path), ignore), obj, "nested");
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var field = context.Field(Path);
        if (field is null || FieldMappings.TypeName(field) != "nested")
        {
            if (field is null && IgnoreUnmapped)
            {
                return DocResult.Empty(context.MaxDoc);
            }

            var reason = field is null
                ? "[nested] failed to find nested object under path [" + Path + "]"
                : "[nested] nested object under path [" + Path + "] is not of nested type";
            throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard(reason, context.IndexName));
        }

        var snapshot = context.Snapshot;
        var bits = new DocBits(snapshot.MaxDoc);
        foreach (var ord in snapshot.Live.Ordinals())
        {
            if (Elements(snapshot.Doc(ord).Source).Any(Filter.Matches))
            {
                bits.Set(ord);
            }
        }

        return new DocResult(bits, null, Boost);
    }

    private IEnumerable<JsonObject> Elements(JsonObject source)
    {
        return NestedElementFilter.At(source, Path) switch
        {
            JsonObject single => [single],
            JsonArray array => array.OfType<JsonObject>(),
            _ => [],
        };
    }
}
