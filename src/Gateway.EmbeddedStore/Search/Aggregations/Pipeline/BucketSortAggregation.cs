using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>
/// <c>bucket_sort</c>: sorts the parent's buckets by <c>_key</c>, <c>_count</c> or metric paths (ascending by default,
/// buckets without a value last), then keeps <c>size</c> of them from <c>from</c>.
/// </summary>
internal sealed class BucketSortAggregation : ParentPipelineAggregation
{
    private readonly List<(BucketsPath Path, bool Ascending)> _sort = [];
    private readonly int _from;
    private readonly int? _size;

    public BucketSortAggregation(string name, JsonObject options)
        : base(name, "bucket_sort", options, hasPath: false)
    {
        _from = options["from"] is { } from ? JsonValues.ToInt(from, "from") : 0;
        if (_from < 0)
        {
            throw StoreException.IllegalArgument("[from] must be a non-negative integer: [" + _from + "]");
        }

        if (options["size"] is { } size)
        {
            _size = JsonValues.ToInt(size, "size");
            if (_size <= 0)
            {
                throw StoreException.IllegalArgument("[size] must be a positive integer: [" + _size + "]");
            }
        }

        var sorts = options["sort"] switch
        {
            null => [],
            JsonArray array => array.ToList(),
            var one => [one],
        };
        foreach (var sort in sorts)
        {
            _sort.Add(ParseSort(sort));
        }

        if (_sort.Count == 0 && _size is null && _from == 0)
        {
            throw StoreException.IllegalArgument("[" + name + "] is configured to perform nothing. Please set either of [sort, size, from] to use bucket_sort");
        }
    }

    protected override bool NeedsHistogramParent => false;

    public override string TypedName(AggDocs docs) => "bucket_sort";

    protected override void ValidatePaths(IReadOnlyDictionary<string, Aggregation> siblings)
    {
        foreach (var (path, _) in _sort)
        {
            path.Validate(siblings);
        }
    }

    public override List<JsonObject> Apply(List<JsonObject> buckets, bool typedKeys)
    {
        var keyed = buckets.Select(b => (Bucket: b, Values: _sort.Select(s => SortValue(b, s.Path)).ToArray())).ToList();
        if (_sort.Count > 0)
        {
            keyed = [.. keyed.OrderBy(k => k, Comparer<(JsonObject, IComparable?[])>.Create(Compare))];
        }

        return keyed.Skip(_from).Take(_size ?? int.MaxValue).Select(k => k.Bucket).ToList();
    }

    private int Compare((JsonObject, IComparable?[] Values) a, (JsonObject, IComparable?[] Values) b)
    {
        for (var i = 0; i < _sort.Count; i++)
        {
            var (x, y) = (a.Values[i], b.Values[i]);
            if (x is null && y is null)
            {
                continue;
            }

            if (x is null || y is null)
            {
                return x is null ? 1 : -1;
            }

            var c = x is double dx && y is double dy ? dx.CompareTo(dy) : string.CompareOrdinal(x.ToString(), y.ToString());
            if (c != 0)
            {
                return _sort[i].Ascending ? c : -c;
            }
        }

        return 0;
    }

    private IComparable? SortValue(JsonObject bucket, BucketsPath path)
    {
        if (path.IsKey)
        {
            return bucket["key"] is JsonValue key && JsonValues.IsNumber(key) ? JsonValues.ToDouble(key, "_key") : bucket["key"]?.ToString();
        }

        return path.Resolve(bucket, Gap, Containing) is { } value && !double.IsNaN(value) ? value : null;
    }

    private static (BucketsPath, bool) ParseSort(JsonNode? sort)
    {
        switch (sort)
        {
            case JsonValue when JsonValues.AsString(sort) is { } field:
                return (BucketsPath.Parse(field), true);
            case JsonObject { Count: 1 } obj:
                var (field2, spec) = obj.First();
                var order = spec is JsonObject o ? JsonValues.AsString(o["order"]) ?? "asc" : JsonValues.AsString(spec);
                return order switch
                {
                    "asc" => (BucketsPath.Parse(field2), true),
                    "desc" => (BucketsPath.Parse(field2), false),
                    _ => throw StoreException.IllegalArgument("No enum constant org.elasticsearch.search.sort.SortOrder." + order?.ToUpperInvariant()),
                };
            default:
                throw StoreException.Parsing("[bucket_sort] a sort must be a field name or an object of one field");
        }
    }
}
