using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>
/// The sibling bucket metrics: <c>avg_bucket</c>, <c>sum_bucket</c>, <c>min_bucket</c>, <c>max_bucket</c> (with the
/// keys of the buckets holding the extreme), <c>stats_bucket</c>, <c>extended_stats_bucket</c> (<c>sigma</c>) and
/// <c>percentiles_bucket</c> (<c>percents</c>, <c>keyed</c>), over the values the gap policy keeps.
/// </summary>
internal sealed class BucketMetricsAggregation : SiblingPipelineAggregation
{
    private static readonly double[] DefaultPercents = [1, 5, 25, 50, 75, 95, 99];

    private readonly double _sigma = 2;
    private readonly double[] _percents = DefaultPercents;
    private readonly bool _keyed = true;

    public BucketMetricsAggregation(string name, string type, JsonObject options)
        : base(name, type, options)
    {
        if (type == "extended_stats_bucket" && options["sigma"] is { } sigma)
        {
            _sigma = StatsRenderer.Sigma(sigma, name);
        }

        if (type == "percentiles_bucket")
        {
            _keyed = options["keyed"] is not { } keyed || JsonValues.ToBool(keyed, "keyed");
            if (options["percents"] is { } percents)
            {
                _percents = ParsePercents(name, percents);
            }
        }
    }

    public override string TypedName(AggDocs docs) => Type switch
    {
        "avg_bucket" or "sum_bucket" => "simple_value",
        "min_bucket" or "max_bucket" => "bucket_metric_value",
        _ => Type,
    };

    protected override JsonObject Combine(IReadOnlyList<(string Key, double Value)> values)
    {
        var result = new JsonObject();
        switch (Type)
        {
            case "avg_bucket":
                PipelineFormat.Set(result, "value", values.Count == 0 ? double.NaN : values.Sum(v => v.Value) / values.Count, Format);
                break;
            case "sum_bucket":
                PipelineFormat.Set(result, "value", values.Sum(v => v.Value), Format);
                break;
            case "min_bucket" or "max_bucket":
                var extreme = values.Count == 0 ? double.NaN : Type == "min_bucket" ? values.Min(v => v.Value) : values.Max(v => v.Value);
                PipelineFormat.Set(result, "value", extreme, Format);
                result["keys"] = new JsonArray(values.Where(v => v.Value == extreme).Select(v => (JsonNode)JsonValue.Create(v.Key)).ToArray());
                break;
            case "stats_bucket":
                StatsRenderer.Stats(result, values.Select(v => v.Value).ToList(), Format);
                break;
            case "extended_stats_bucket":
                StatsRenderer.ExtendedStats(result, values.Select(v => v.Value).ToList(), _sigma, Format);
                break;
            default:
                Percentiles(result, values.Select(v => v.Value).Order().ToList());
                break;
        }

        return result;
    }

    private void Percentiles(JsonObject result, List<double> sorted)
    {
        double At(double percent) => sorted.Count == 0 ? double.NaN
            : sorted[(int)Math.Floor((percent / 100.0 * (sorted.Count - 1)) + 0.5)];
        if (_keyed)
        {
            var values = new JsonObject();
            foreach (var percent in _percents)
            {
                PipelineFormat.Set(values, PipelineFormat.JavaDouble(percent), At(percent), Format);
            }

            result["values"] = values;
            return;
        }

        var list = new JsonArray();
        foreach (var percent in _percents)
        {
            var entry = new JsonObject { ["key"] = percent };
            PipelineFormat.Set(entry, "value", At(percent), Format);
            list.Add(entry);
        }

        result["values"] = list;
    }

    private static double[] ParsePercents(string name, JsonNode node)
    {
        if (node is not JsonArray array)
        {
            throw StoreException.BadRequest("x_content_parse_exception", "[percentiles_bucket] percents doesn't support values of type: " + JsonValues.TokenName(node));
        }

        var result = new double[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            var percent = JsonValues.IsNumber(array[i]) ? JsonValues.ToDouble(array[i], "percents") : double.NaN;
            if (!(percent is >= 0 and <= 100))
            {
                throw StoreException.IllegalArgument("percents must only contain non-null doubles from 0.0-100.0: [" + name + "]");
            }

            result[i] = percent;
        }

        return result;
    }
}
