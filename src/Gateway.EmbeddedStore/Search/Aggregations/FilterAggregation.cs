using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary><c>filter</c> (one bucket) and <c>filters</c> (named or anonymous buckets, optional other bucket).</summary>
internal sealed class FilterAggregation : Aggregation
{
    private readonly QueryNode? _single;
    private readonly List<(string? Key, QueryNode Query)> _filters = [];
    private readonly bool _keyed;
    private readonly string? _otherKey;

    public FilterAggregation(string name, string type, JsonNode? options)
        : base(name)
    {
        if (type == "filter")
        {
            _single = QueryParser.Parse(options);
            return;
        }

        var obj = options as JsonObject ?? throw StoreException.Parsing("[filters] expects an object");
        switch (obj["filters"])
        {
            case JsonObject named:
                _keyed = obj["keyed"] is not { } k || k.GetValue<bool>();
                foreach (var (key, query) in named)
                {
                    _filters.Add((key, QueryParser.Parse(query)));
                }

                break;
            case JsonArray anonymous:
                _filters.AddRange(anonymous.Select(q => ((string?)null, QueryParser.Parse(q))));
                break;
            default:
                throw StoreException.Parsing("[filters] requires a [filters] object or array");
        }

        if (obj["other_bucket_key"] is { } ok)
        {
            _otherKey = ok.GetValue<string>();
        }
        else if (obj["other_bucket"] is { } ob && ob.GetValue<bool>())
        {
            _otherKey = "_other_";
        }
    }

    public override string TypedName(AggDocs docs) => _single is null ? "filters" : "filter";

    /// <summary><c>filters</c> (buckets) rather than <c>filter</c> (one document count).</summary>
    public bool IsMultiBucket => _single is null;

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        if (_single is not null)
        {
            var matched = Filter(docs, _single);
            var result = new JsonObject { ["doc_count"] = matched.Count };
            AddSubAggregations(result, matched, typedKeys);
            return result;
        }

        var buckets = new List<(string? Key, JsonObject Bucket)>();
        var matchedAny = docs.Parts.Select(p => new Index.DocBits(p.Bits.Length)).ToList();
        foreach (var (key, query) in _filters)
        {
            var matched = Filter(docs, query);
            for (var i = 0; i < matched.Parts.Count; i++)
            {
                matchedAny[i].Or(matched.Parts[i].Bits);
            }

            var bucket = new JsonObject { ["doc_count"] = matched.Count };
            AddSubAggregations(bucket, matched, typedKeys);
            buckets.Add((key, bucket));
        }

        if (_otherKey is not null)
        {
            var rest = new AggDocs(docs.Parts.Select((p, i) =>
            {
                var bits = p.Bits.Clone();
                bits.AndNot(matchedAny[i]);
                return (p.Outcome, bits);
            }).ToList());
            var bucket = new JsonObject { ["doc_count"] = rest.Count };
            AddSubAggregations(bucket, rest, typedKeys);
            buckets.Add((_otherKey, bucket));
        }

        if (_keyed)
        {
            var keyed = new JsonObject();
            foreach (var (key, bucket) in buckets)
            {
                keyed[key!] = bucket;
            }

            return new JsonObject { ["buckets"] = keyed };
        }

        return new JsonObject
        {
            ["buckets"] = new JsonArray(buckets.Select(b =>
            {
                if (b.Key is not null && _filters.All(f => f.Key is not null))
                {
                    b.Bucket.Insert(0, "key", b.Key);
                }

                return (JsonNode)b.Bucket;
            }).ToArray()),
        };
    }

    private static AggDocs Filter(AggDocs docs, QueryNode query) => docs.Matching(query);
}
