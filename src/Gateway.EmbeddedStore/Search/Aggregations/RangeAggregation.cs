using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>range</c> and <c>date_range</c>: one bucket per range (<c>from</c> included, <c>to</c> excluded, either open),
/// sorted by from then to as Elasticsearch sorts them; a document counts once in every range one of its values falls
/// in. Keys are generated (<c>*-100.0</c>, <c>2015-01-01T00:00:00.000Z-*</c>) unless given; keyed, format, missing and,
/// for dates, date math bounds in the field's (or the request's) format and time_zone.
/// </summary>
internal sealed class RangeAggregation : Aggregation
{
    private static readonly string[] RangeKeys = ["key", "from", "to"];

    private readonly string _type;
    private readonly string _field;
    private readonly List<(string? Key, JsonNode? From, JsonNode? To)> _ranges = [];
    private readonly bool _keyed;
    private readonly string? _format;
    private readonly JsonNode? _missing;
    private readonly TimeZoneInfo? _zone;
    private readonly DateTimeOffset _now;

    public RangeAggregation(string name, string type, JsonObject options, DateTimeOffset now)
        : base(name)
    {
        _type = type;
        _field = AggField.Require(options, type);
        _keyed = options["keyed"] is { } keyed && JsonValues.ToBool(keyed, "keyed");
        _format = JsonValues.AsString(options["format"]);
        _missing = options["missing"];
        _zone = type == "date_range" ? Query.QueryValues.Zone(JsonValues.AsString(options["time_zone"])) : null;
        _now = now;
        if (options["ranges"] is not JsonArray ranges || ranges.Count == 0)
        {
            throw StoreException.IllegalArgument("No [ranges] specified for the [" + name + "] aggregation");
        }

        foreach (var range in ranges)
        {
            if (range is not JsonObject r)
            {
                throw StoreException.Parsing("[ranges] must be an array of objects");
            }

            foreach (var (key, _) in r)
            {
                if (Array.IndexOf(RangeKeys, key) < 0)
                {
                    throw StoreException.BadRequest("x_content_parse_exception", "[range] unknown field [" + key + "]");
                }
            }

            _ranges.Add((JsonValues.AsString(r["key"]), r["from"], r["to"]));
        }
    }

    public override string TypedName(AggDocs docs) => _type;

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var mapping = AggField.Resolve(docs, _field);
        if (mapping is not null && mapping.Kind is not (FieldKind.Date or FieldKind.Boolean) && !QueryKinds.IsNumeric(mapping.Kind))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Field [" + _field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [" + _type + "]"));
        }

        var isDate = _type == "date_range" || mapping?.Kind == FieldKind.Date;
        var dateFormat = _format ?? mapping?.Format;
        var ranges = _ranges
            .Select(r => (r.Key, From: Bound(r.From, double.NegativeInfinity, isDate, dateFormat), To: Bound(r.To, double.PositiveInfinity, isDate, dateFormat)))
            .OrderBy(r => r.From).ThenBy(r => r.To)
            .ToList();
        var members = ranges.Select(_ => new Dictionary<ShardOutcome, List<int>>()).ToList();
        foreach (var (outcome, ord, values) in docs.WithField(_field))
        {
            var numbers = AggField.Numbers(values);
            if (numbers.Count == 0 && _missing is not null)
            {
                numbers = [Bound(_missing, double.NaN, isDate, dateFormat)];
            }

            for (var i = 0; i < ranges.Count; i++)
            {
                var (_, from, to) = ranges[i];
                if (numbers.Any(n => n >= from && n < to))
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

        var buckets = new List<(string Key, JsonObject Bucket)>();
        for (var i = 0; i < ranges.Count; i++)
        {
            var (key, from, to) = ranges[i];
            key ??= (double.IsInfinity(from) ? "*" : Text(from, isDate, dateFormat)) + "-" + (double.IsInfinity(to) ? "*" : Text(to, isDate, dateFormat));
            var bucket = new JsonObject();
            if (!_keyed)
            {
                bucket["key"] = key;
            }

            AddBound(bucket, "from", from, isDate, dateFormat);
            AddBound(bucket, "to", to, isDate, dateFormat);
            bucket["doc_count"] = members[i].Values.Sum(l => l.Count);
            AddSubAggregations(bucket, AggDocs.FromOrdinals(docs.Parts, members[i]), typedKeys);
            buckets.Add((key, bucket));
        }

        if (!_keyed)
        {
            return new JsonObject { ["buckets"] = new JsonArray(buckets.Select(b => (JsonNode)b.Bucket).ToArray()) };
        }

        var keyedBuckets = new JsonObject();
        foreach (var (key, bucket) in buckets)
        {
            keyedBuckets[key] = bucket;
        }

        return new JsonObject { ["buckets"] = keyedBuckets };
    }

    private void AddBound(JsonObject bucket, string name, double value, bool isDate, string? dateFormat)
    {
        if (double.IsInfinity(value))
        {
            return;
        }

        bucket[name] = value;
        if (isDate || _format is not null)
        {
            bucket[name + "_as_string"] = Text(value, isDate, dateFormat);
        }
    }

    private string Text(double value, bool isDate, string? dateFormat) =>
        isDate ? DateFormats.Format((long)value, dateFormat, _zone)
        : _format is not null ? value.ToString(_format, CultureInfo.InvariantCulture)
        : Pipeline.PipelineFormat.JavaDouble(value);

    private double Bound(JsonNode? node, double absent, bool isDate, string? dateFormat)
    {
        if (node is null || (node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Null))
        {
            return absent;
        }

        if (JsonValues.IsNumber(node))
        {
            return JsonValues.ToDouble(node, "range");
        }

        var text = JsonValues.AsString(node)!;
        if (isDate)
        {
            return Query.DateMath.Parse(text, dateFormat, _zone, _now, roundUp: false, _field);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw StoreException.BadRequest("number_format_exception", "For input string: \"" + text + "\"");
    }
}
