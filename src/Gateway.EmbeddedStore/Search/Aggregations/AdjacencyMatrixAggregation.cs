using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>adjacency_matrix</c>: a bucket per named filter and per pair of filters (<c>A&amp;B</c>, joined by
/// <c>separator</c>) holding the documents that match both, empty buckets left out, sorted by key.
/// </summary>
internal sealed class AdjacencyMatrixAggregation : Aggregation
{
    private readonly List<(string Key, QueryNode Query)> _filters = [];
    private readonly string _separator;

    public AdjacencyMatrixAggregation(string name, JsonObject options)
        : base(name)
    {
        foreach (var (key, _) in options)
        {
            if (key is not ("filters" or "separator"))
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[adjacency_matrix] unknown field [" + key + "]");
            }
        }

        if (options["filters"] is not JsonObject filters)
        {
            throw StoreException.IllegalArgument("[filters] must not be null: [" + name + "]");
        }

        _separator = JsonValues.AsString(options["separator"]) ?? "&";
        foreach (var (key, query) in filters.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            _filters.Add((key, QueryParser.Parse(query)));
        }
    }

    public override string TypedName(AggDocs docs) => "adjacency_matrix";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var matched = _filters.Select(f => docs.Matching(f.Query)).ToList();
        var buckets = new List<(string Key, AggDocs Docs)>();
        for (var i = 0; i < _filters.Count; i++)
        {
            buckets.Add((_filters[i].Key, matched[i]));
            for (var j = i + 1; j < _filters.Count; j++)
            {
                var both = matched[i].Intersect(matched[j]);
                buckets.Add((_filters[i].Key + _separator + _filters[j].Key, both));
            }
        }

        var array = new JsonArray();
        foreach (var (key, bucketDocs) in buckets.Where(b => b.Docs.Count > 0).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var bucket = new JsonObject { ["key"] = key, ["doc_count"] = bucketDocs.Count };
            AddSubAggregations(bucket, bucketDocs, typedKeys);
            array.Add(bucket);
        }

        return new JsonObject { ["buckets"] = array };
    }
}
