using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>
/// <c>derivative</c>: each histogram bucket's change of a metric from the previous bucket (none on the first); with
/// <c>unit</c> also <c>normalized_value</c>, the change per unit of the key (a date unit or a time value).
/// </summary>
internal sealed class DerivativeAggregation : ParentPipelineAggregation
{
    private readonly double? _unitMillis;

    public DerivativeAggregation(string name, JsonObject options)
        : base(name, "derivative", options)
    {
        if (JsonValues.AsString(options["unit"]) is { } unit)
        {
            _unitMillis = UnitMillis(unit);
        }
    }

    public override string TypedName(AggDocs docs) => "derivative";

    public override List<JsonObject> Apply(List<JsonObject> buckets, bool typedKeys)
    {
        double? last = null;
        double lastKey = 0;
        foreach (var bucket in buckets)
        {
            var value = Path.Resolve(bucket, Gap, Containing);
            var key = bucket["key"] is JsonValue k && JsonValues.IsNumber(k) ? JsonValues.ToDouble(k, "key") : 0;
            if (last is { } previous && value is { } current)
            {
                var gradient = current - previous;
                var result = new JsonObject();
                PipelineFormat.Set(result, "value", gradient, Format);
                if (_unitMillis is { } unit)
                {
                    PipelineFormat.Set(result, "normalized_value", gradient / ((key - lastKey) / unit), Format);
                }

                Attach(bucket, result, typedKeys);
            }

            last = value;
            lastKey = key;
        }

        return buckets;
    }

    // The calendar units measure their estimated duration, as java.time's ChronoUnit does.
    private static double UnitMillis(string unit) => unit switch
    {
        "year" or "1y" => 31_556_952_000d,
        "quarter" or "1q" => 7_889_238_000d,
        "month" or "1M" => 2_629_746_000d,
        "week" or "1w" => 604_800_000d,
        "day" or "1d" => 86_400_000d,
        "hour" or "1h" => 3_600_000d,
        "minute" or "1m" => 60_000d,
        "second" or "1s" => 1_000d,
        _ => TimeValue(unit),
    };

    private static double TimeValue(string unit)
    {
        try
        {
            return BucketRounding.ParseDuration(unit);
        }
        catch (StoreException)
        {
            throw StoreException.IllegalArgument("failed to parse setting [DerivativePipelineAggregationBuilder.unit] with value [" + unit + "] as a time value: unit is missing or unrecognized");
        }
    }
}
