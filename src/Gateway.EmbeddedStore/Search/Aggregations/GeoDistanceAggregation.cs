using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Geo;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>geo_distance</c>: range buckets over the distance of a document's points from <c>origin</c> (any point format),
/// in <c>unit</c> (default <c>m</c>) by <c>distance_type</c> <c>arc</c> (default) or <c>plane</c>: a document counts
/// in every range one of its points falls in (<c>from</c> included, <c>to</c> excluded); ranges sorted by from then to,
/// keys generated (<c>*-100.0</c>) unless given, <c>keyed</c> (Elasticsearch's GeoDistanceAggregationBuilder, a range
/// aggregation).
/// </summary>
internal sealed class GeoDistanceAggregation : Aggregation
{
    private static readonly string[] RangeKeys = ["key", "from", "to"];

    private readonly string _field;
    private readonly GeoPoint _origin;
    private readonly double _unitMeters;
    private readonly bool _plane;
    private readonly bool _keyed;
    private readonly List<(string? Key, double From, double To)> _ranges = [];

    public GeoDistanceAggregation(string name, JsonObject options)
        : base(name)
    {
        _field = AggField.Require(options, "geo_distance");
        var origin = options["origin"] ?? options["point"] ?? options["center"]
            ?? throw StoreException.IllegalArgument("[origin] must not be null: [" + name + "]");
        _origin = GeoPointReader.Parse(origin, "origin");
        _unitMeters = GeoMath.UnitMeters(JsonValues.AsString(options["unit"]) ?? "m");
        _plane = (JsonValues.AsString(options["distance_type"]) ?? "arc") switch
        {
            "arc" => false,
            "plane" => true,
            var other => throw StoreException.IllegalArgument("No geo distance for [" + other + "]"),
        };
        _keyed = options["keyed"] is { } keyed && JsonValues.ToBool(keyed, "keyed");
        if (options["ranges"] is not JsonArray ranges || ranges.Count == 0)
        {
            throw StoreException.IllegalArgument("No [ranges] specified for the [" + name + "] aggregation");
        }

        foreach (var range in ranges)
        {
            var r = range as JsonObject ?? throw StoreException.Parsing("[ranges] must be an array of objects");
            foreach (var (key, _) in r)
            {
                if (Array.IndexOf(RangeKeys, key) < 0)
                {
                    throw StoreException.BadRequest("x_content_parse_exception", "[range] unknown field [" + key + "]");
                }
            }

            _ranges.Add((JsonValues.AsString(r["key"]), Bound(r["from"], double.NegativeInfinity), Bound(r["to"], double.PositiveInfinity)));
        }

        _ranges = [.. _ranges.OrderBy(r => r.From).ThenBy(r => r.To)];
    }

    public override string TypedName(AggDocs docs) => "geo_distance";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        if (AggField.Resolve(docs, _field) is { } mapping && mapping.Kind != FieldKind.GeoPoint)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Field [" + _field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [geo_distance]"));
        }

        var members = _ranges.Select(_ => new Dictionary<ShardOutcome, List<int>>()).ToList();
        foreach (var (outcome, ord, values) in docs.WithField(_field))
        {
            var distances = (values?.Points ?? []).Select(p => (_plane ? GeoMath.PlaneDistance(_origin, p) : GeoMath.ArcDistance(_origin, p)) / _unitMeters).ToList();
            for (var i = 0; i < _ranges.Count; i++)
            {
                var (_, from, to) = _ranges[i];
                if (distances.Exists(d => d >= from && d < to))
                {
                    if (!members[i].TryGetValue(outcome, out var list))
                    {
                        list = [];
                        members[i][outcome] = list;
                    }

                    list.Add(ord);
                }
            }
        }

        var array = new JsonArray();
        var keyedBuckets = new JsonObject();
        for (var i = 0; i < _ranges.Count; i++)
        {
            var (key, from, to) = _ranges[i];
            key ??= (double.IsInfinity(from) ? "*" : Pipeline.PipelineFormat.JavaDouble(from)) + "-" + (double.IsInfinity(to) ? "*" : Pipeline.PipelineFormat.JavaDouble(to));
            var bucket = new JsonObject();
            if (!_keyed)
            {
                bucket["key"] = key;
            }

            if (!double.IsInfinity(from))
            {
                bucket["from"] = from;
            }

            if (!double.IsInfinity(to))
            {
                bucket["to"] = to;
            }

            bucket["doc_count"] = members[i].Values.Sum(l => l.Count);
            AddSubAggregations(bucket, AggDocs.FromOrdinals(docs.Parts, members[i]), typedKeys);
            if (_keyed)
            {
                keyedBuckets[key] = bucket;
            }
            else
            {
                array.Add(bucket);
            }
        }

        return new JsonObject { ["buckets"] = _keyed ? keyedBuckets : array };
    }

    private static double Bound(JsonNode? node, double absent) =>
        node is null || (node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Null) ? absent : JsonValues.ToDouble(node, "range");
}
