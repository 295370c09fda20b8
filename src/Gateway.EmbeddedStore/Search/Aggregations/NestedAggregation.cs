using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Nested;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>nested</c> (one bucket: the objects under <c>path</c> of the documents aggregated, as hidden documents that the
/// sub-aggregations see) and <c>reverse_nested</c> (inside a nested one: the documents at <c>path</c>, or the root
/// documents without it, that hold the objects aggregated; each counted once). An unmapped path is an empty bucket,
/// as in Elasticsearch.
/// </summary>
internal sealed class NestedAggregation : Aggregation
{
    private readonly string _type;
    private readonly string? _path;

    public NestedAggregation(string name, string type, JsonObject options)
        : base(name)
    {
        _type = type;
        foreach (var (key, value) in options)
        {
            if (key != "path")
            {
                throw new StoreException(400, "x_content_parse_exception", "[" + type + "] unknown field [" + key + "]");
            }

            _path = JsonValues.AsString(value);
        }

        if (type == "nested" && _path is null)
        {
            throw StoreException.Parsing("Missing [path] field for nested aggregation [" + name + "]");
        }
    }

    public override string TypedName(AggDocs docs) => _type;

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var parts = new List<(ShardOutcome, DocBits)>(docs.Parts.Count);
        foreach (var (outcome, bits) in docs.Parts)
        {
            parts.Add(_type == "nested" ? Down(outcome, bits) : Up(outcome, bits));
        }

        var inner = new AggDocs(parts);
        var result = new JsonObject { ["doc_count"] = inner.Count };
        AddSubAggregations(result, inner, typedKeys);
        return result;
    }

    private (ShardOutcome, DocBits) Down(ShardOutcome outcome, DocBits bits)
    {
        var context = outcome.Context;
        var field = context.Field(_path!);
        if (field is null)
        {
            return (outcome, new DocBits(bits.Length));
        }

        if (!NestedPaths.IsNested(field))
        {
            throw SearchErrors.AllShardsFailed(new StoreException(500, "aggregation_execution_exception", "[nested] nested path [" + _path + "] is not nested"));
        }

        if (context.Level is { } level && !_path!.StartsWith(level.Path + ".", StringComparison.Ordinal))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "[nested] nested path [" + _path + "] is not below the enclosing nested path [" + level.Path + "]; use [reverse_nested] to go back up"));
        }

        var docs = NestedDocs.For(context, _path!);
        var child = context.Nested(docs);
        var children = new DocBits(Math.Max(child.MaxDoc, 1));
        foreach (var ord in bits.Ordinals())
        {
            var (start, end) = docs.Children(ord);
            for (var c = start; c < end; c++)
            {
                children.Set(c);
            }
        }

        return (new ShardOutcome(outcome.ShardIndex, child, children, children, _ => 0f), children);
    }

    private (ShardOutcome, DocBits) Up(ShardOutcome outcome, DocBits bits)
    {
        var context = outcome.Context;
        if (context.Level is null)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("Reverse nested aggregation [" + Name + "] can only be used inside a [nested] aggregation"));
        }

        if (_path is not null && context.Field(_path) is { } field && !NestedPaths.IsNested(field))
        {
            throw SearchErrors.AllShardsFailed(new StoreException(500, "aggregation_execution_exception", "[reverse_nested] nested path [" + _path + "] is not nested"));
        }

        if (_path is not null && context.Field(_path) is null)
        {
            return (outcome, new DocBits(bits.Length));
        }

        var ords = bits.Ordinals().ToList();
        while (context.Level is { } level && level.Path != _path)
        {
            ords = [.. ords.Select(o => level.ParentOrd[o]).Distinct()];
            context = context.Parent!;
        }

        var parents = new DocBits(Math.Max(context.MaxDoc, 1));
        foreach (var ord in ords)
        {
            parents.Set(ord);
        }

        return (new ShardOutcome(outcome.ShardIndex, context, parents, parents, _ => 0f), parents);
    }
}
