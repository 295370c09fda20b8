using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// <c>auto_date_histogram</c>: a date histogram whose interval is chosen to give at most <c>buckets</c> (10) buckets, as
/// Elasticsearch's <c>InternalAutoDateHistogram</c> reduces: the finest calendar rounding (second, minute, hour, day,
/// month, year; from <c>minimum_interval</c> on) whose span of buckets, gaps included, is within <c>buckets</c> × its
/// largest inner interval, then the smallest inner interval (seconds and minutes 1, 5, 10, 30; hours 1, 3, 12; days 1,
/// 7; months 1, 3; years 1, 5, 10, 20, 50, 100) merging consecutive buckets into at most <c>buckets</c>. Answers the
/// buckets and the <c>interval</c> (<c>7d</c>); <c>time_zone</c>, <c>format</c>, <c>missing</c>.
/// </summary>
internal sealed class AutoDateHistogramAggregation : Aggregation
{
    private static readonly Level[] Levels =
    [
        new("second", "s", 1000L, [1, 5, 10, 30]),
        new("minute", "m", 60_000L, [1, 5, 10, 30]),
        new("hour", "h", 3_600_000L, [1, 3, 12]),
        new("day", "d", 86_400_000L, [1, 7]),
        new("month", "M", 30 * 86_400_000L, [1, 3]),
        new("year", "y", 365 * 86_400_000L, [1, 5, 10, 20, 50, 100]),
    ];

    private readonly string _field;
    private readonly int _target;
    private readonly int _minimumLevel;
    private readonly string? _format;
    private readonly string? _timeZone;
    private readonly JsonNode? _missing;

    public AutoDateHistogramAggregation(string name, JsonObject options)
        : base(name)
    {
        _field = AggField.Require(options, "auto_date_histogram");
        _target = options["buckets"] is { } b ? JsonValues.ToInt(b, "buckets") : 10;
        if (_target <= 0)
        {
            throw StoreException.IllegalArgument("[buckets] must be greater than 0. Found [" + _target + "] in [" + name + "]");
        }

        _minimumLevel = 0;
        if (JsonValues.AsString(options["minimum_interval"]) is { } minimum)
        {
            _minimumLevel = Array.FindIndex(Levels, l => l.Name == minimum);
            if (_minimumLevel < 0)
            {
                throw StoreException.IllegalArgument("minimum_interval must be one of [[second, minute, hour, day, month, year]]");
            }
        }

        _format = JsonValues.AsString(options["format"]);
        _timeZone = JsonValues.AsString(options["time_zone"]);
        _missing = options["missing"];
    }

    public override string TypedName(AggDocs docs) => "auto_date_histogram";

    public override JsonObject Compute(AggDocs docs, bool typedKeys)
    {
        var mapping = AggField.Resolve(docs, _field);
        if (mapping is not null && mapping.Kind != FieldKind.Date && !QueryKinds.IsNumeric(mapping.Kind))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Field [" + _field + "] of type [" + FieldTypeNames.Of(mapping.Kind) + "] is not supported for aggregation [auto_date_histogram]"));
        }

        var values = new List<(ShardOutcome Outcome, int Ord, IReadOnlyList<double> Dates)>();
        foreach (var (outcome, ord, fieldValues) in docs.WithField(_field))
        {
            var dates = AggField.Numbers(fieldValues);
            if (dates.Count == 0 && _missing is not null)
            {
                dates = [JsonValues.IsNumber(_missing) ? JsonValues.ToDouble(_missing, "missing") : DateFormats.Parse(JsonValues.AsString(_missing)!, mapping?.Format, null, _field)];
            }

            if (dates.Count > 0)
            {
                values.Add((outcome, ord, dates));
            }
        }

        var level = _minimumLevel;
        BucketRounding rounding;
        List<double> keys;
        while (true)
        {
            rounding = BucketRounding.ForDate(new JsonObject { ["calendar_interval"] = Levels[level].Name, ["time_zone"] = _timeZone });
            keys = Filled(rounding, values, level == Levels.Length - 1 ? long.MaxValue : _target * Levels[level].Inner[^1]);
            if (level == Levels.Length - 1 || (keys.Count <= _target * Levels[level].Inner[^1]
                && (keys.Count == 0 || keys[^1] - keys[0] <= _target * Levels[level].RoughMillis * Levels[level].Inner[^1])))
            {
                break;
            }

            level++;
        }

        var inner = 1;
        if (keys.Count > _target)
        {
            inner = Levels[level].Inner.FirstOrDefault(i => (keys.Count + i - 1) / i <= _target, 1);
        }

        var groupOf = new Dictionary<double, int>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            groupOf[keys[i]] = i / inner;
        }

        var members = new List<Dictionary<ShardOutcome, HashSet<int>>>();
        for (var g = 0; g * inner < keys.Count; g++)
        {
            members.Add([]);
        }

        foreach (var (outcome, ord, dates) in values)
        {
            foreach (var group in dates.Select(d => groupOf[rounding.Round(d)]).Distinct())
            {
                if (!members[group].TryGetValue(outcome, out var set))
                {
                    set = [];
                    members[group][outcome] = set;
                }

                set.Add(ord);
            }
        }

        var buckets = new JsonArray();
        for (var g = 0; g < members.Count; g++)
        {
            var key = (long)keys[g * inner];
            var bucket = new JsonObject
            {
                ["key_as_string"] = DateFormats.Format(key, _format ?? mapping?.Format, rounding.Zone),
                ["key"] = key,
                ["doc_count"] = members[g].Values.Sum(s => s.Count),
            };
            AddSubAggregations(bucket, AggDocs.FromOrdinals(docs.Parts, members[g].ToDictionary(p => p.Key, p => p.Value.Order().ToList())), typedKeys);
            buckets.Add(bucket);
        }

        return new JsonObject { ["buckets"] = buckets, ["interval"] = inner + Levels[level].Unit };
    }

    // The bucket keys from the first to the last value, gaps included; stops early (returning more than limit) when too many.
    private static List<double> Filled(BucketRounding rounding, List<(ShardOutcome, int, IReadOnlyList<double> Dates)> values, long limit)
    {
        if (values.Count == 0)
        {
            return [];
        }

        var first = values.SelectMany(v => v.Dates).Min(rounding.Round);
        var last = values.SelectMany(v => v.Dates).Max(rounding.Round);
        var keys = new List<double>();
        for (var key = first; key <= last; key = rounding.Next(key))
        {
            keys.Add(key);
            if (keys.Count > limit)
            {
                break;
            }
        }

        return keys;
    }

    private sealed record Level(string Name, string Unit, long RoughMillis, int[] Inner);
}
