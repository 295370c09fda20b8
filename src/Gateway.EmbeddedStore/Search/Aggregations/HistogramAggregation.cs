using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>histogram</c> and <c>date_histogram</c>: fixed-width (numeric, <c>fixed_interval</c>) or
/// calendar buckets (<c>calendar_interval</c>, in <c>time_zone</c>), empty buckets filled between
/// the bounds when min_doc_count is 0, extended_bounds, hard_bounds, offset, keyed, format, order.
/// </summary>
internal sealed class HistogramAggregation : Aggregation
{
    /// <summary>Elasticsearch's default <c>search.max_buckets</c>.</summary>
    public const int MaxBuckets = 65_536;

    private readonly string _field;
    private readonly bool _isDate;
    private readonly BucketRounding _rounding;
    private readonly long _minDocCount;
    private readonly (double Min, double Max)? _extended;
    private readonly (double Min, double Max)? _hard;
    private readonly bool _keyed;
    private readonly string? _format;
    private readonly JsonNode? _missing;
    private readonly List<(string Key, bool Ascending)> _order;

    public HistogramAggregation(string name, JsonObject options, bool isDate, DateTimeOffset now)
        : base(name)
    {
        _field = AggField.Require(options, isDate ? "date_histogram" : "histogram");
        _isDate = isDate;
        _minDocCount = options["min_doc_count"] is { } m ? JsonValues.ToInt(m, "min_doc_count") : 0;
        _keyed = options["keyed"] is { } k && JsonValues.ToBool(k, "keyed");
        _format = JsonValues.AsString(options["format"]);
        _missing = options["missing"];
        _rounding = isDate ? BucketRounding.ForDate(options) : BucketRounding.ForNumber(options);
        _extended = Bounds(options["extended_bounds"], now);
        _hard = Bounds(options["hard_bounds"], now);
        _order = ParseOrder(options["order"]);
    }

    public override string TypedName(AggDocs docs) => _isDate ? "date_histogram" : "histogram";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        foreach (var (key, _) in _order)
        {
            if (key is not ("_key" or "_count"))
            {
                BucketOrderPath.Parse(key).Validate(SubAggregations);
            }
        }

        var mapping = AggField.Resolve(docs, _field);
        if (_isDate && mapping is not null && mapping.Kind != FieldKind.Date && !QueryKinds.IsNumeric(mapping.Kind))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("Field [" + _field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [date_histogram]"));
        }

        var buckets = new SortedDictionary<double, Dictionary<ShardOutcome, List<int>>>();
        foreach (var (outcome, ord, values) in docs.WithField(_field))
        {
            var numbers = AggField.Numbers(values);
            if (numbers.Count == 0 && _missing is not null)
            {
                numbers = [_isDate ? DateFormats.Parse(JsonValues.AsString(_missing)!, mapping?.Format, null, _field) : JsonValues.ToDouble(_missing, "missing")];
            }

            foreach (var key in numbers.Select(_rounding.Round).Distinct())
            {
                if (_hard is { } h && (key < h.Min || key > h.Max))
                {
                    continue;
                }

                if (!buckets.TryGetValue(key, out var perShard))
                {
                    perShard = [];
                    buckets[key] = perShard;
                }

                if (!perShard.TryGetValue(outcome, out var list))
                {
                    list = [];
                    perShard[outcome] = list;
                }

                list.Add(ord);
            }
        }

        var keys = buckets.Keys.ToList();
        if (_minDocCount == 0)
        {
            keys = FillGaps(keys);
        }

        var rendered = new List<(double Key, long Count, JsonObject Bucket)>();
        foreach (var key in keys)
        {
            buckets.TryGetValue(key, out var perShard);
            var count = perShard?.Values.Sum(l => l.Count) ?? 0;
            if (count < _minDocCount)
            {
                continue;
            }

            var bucket = new JsonObject();
            if (_isDate || _format is not null)
            {
                bucket["key_as_string"] = _isDate ? DateFormats.Format((long)key, _format ?? mapping?.Format, _rounding.Zone) : key.ToString(_format, System.Globalization.CultureInfo.InvariantCulture);
            }

            bucket["key"] = _isDate ? JsonValue.Create((long)key) : JsonValue.Create(key);
            bucket["doc_count"] = count;
            AddSubAggregations(bucket, AggDocs.FromOrdinals(docs.Parts, perShard ?? []), typedKeys);
            rendered.Add((key, count, bucket));
        }

        rendered.Sort((a, b) => Compare(a, b));

        if (_keyed)
        {
            var keyed = new JsonObject();
            foreach (var (key, _, bucket) in rendered)
            {
                var name = bucket["key_as_string"]?.GetValue<string>() ?? key.ToString(System.Globalization.CultureInfo.InvariantCulture);
                keyed[name] = bucket;
            }

            return new JsonObject { ["buckets"] = keyed };
        }

        return new JsonObject { ["buckets"] = new JsonArray(rendered.Select(r => (JsonNode)r.Bucket).ToArray()) };
    }

    private List<double> FillGaps(List<double> keys)
    {
        double? min = keys.Count > 0 ? keys[0] : null;
        double? max = keys.Count > 0 ? keys[^1] : null;
        if (_extended is { } e)
        {
            var lo = _isDate ? _rounding.RoundBound(e.Min) : _rounding.Round(e.Min);
            var hi = _isDate ? _rounding.RoundBound(e.Max) : _rounding.Round(e.Max);
            min = min is null ? lo : Math.Min(min.Value, lo);
            max = max is null ? hi : Math.Max(max.Value, hi);
        }

        if (_hard is { } h)
        {
            min = min is null ? null : Math.Max(min.Value, _rounding.Round(h.Min));
            max = max is null ? null : Math.Min(max.Value, h.Max);
        }

        if (min is null || max is null)
        {
            return keys;
        }

        var result = new List<double>();
        for (var key = min.Value; key <= max.Value; key = _rounding.Next(key))
        {
            result.Add(key);
            if (result.Count > MaxBuckets)
            {
                throw SearchErrors.AllShardsFailed(new StoreException(400, "too_many_buckets_exception",
                    "Trying to create too many buckets. Must be less than or equal to: [" + MaxBuckets + "] but this number of buckets was exceeded. This limit can be set by changing the [search.max_buckets] cluster level setting."));
            }
        }

        return result;
    }

    private (double, double)? Bounds(JsonNode? node, DateTimeOffset now)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        double Read(JsonNode? v, bool up) => v is null
            ? (up ? double.PositiveInfinity : double.NegativeInfinity)
            : _isDate && !JsonValues.IsNumber(v)
                ? Query.DateMath.Parse(JsonValues.AsString(v)!, null, _rounding.Zone, now, up, _field)
                : JsonValues.ToDouble(v, "bounds");
        return (Read(obj["min"], false), Read(obj["max"], true));
    }

    // Buckets by the order's keys (_key, _count or a sub-aggregation path), then by key ascending.
    private int Compare((double Key, long Count, JsonObject Bucket) a, (double Key, long Count, JsonObject Bucket) b)
    {
        foreach (var (key, ascending) in _order)
        {
            var c = key switch
            {
                "_key" => a.Key.CompareTo(b.Key),
                "_count" => a.Count.CompareTo(b.Count),
                _ => BucketOrderPath.Compare(BucketOrderPath.Parse(key).ValueIn(this, a.Bucket), BucketOrderPath.Parse(key).ValueIn(this, b.Bucket)),
            };
            if (c != 0)
            {
                return ascending ? c : -c;
            }
        }

        return a.Key.CompareTo(b.Key);
    }

    private static List<(string, bool)> ParseOrder(JsonNode? node)
    {
        var items = node switch
        {
            null => [],
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject obj => [obj],
            _ => throw StoreException.Parsing("[order] must be an object or an array"),
        };
        var result = new List<(string, bool)>();
        foreach (var (key, value) in items.SelectMany(i => i))
        {
            var direction = JsonValues.AsString(value);
            if (direction is not ("asc" or "desc"))
            {
                throw StoreException.Parsing("Unknown order direction [" + direction + "]");
            }

            result.Add((key is "_term" or "_time" ? "_key" : key, direction == "asc"));
        }

        return result.Count > 0 ? result : [("_key", true)];
    }
}
