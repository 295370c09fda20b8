using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Aggregations.Pipeline;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// The <c>stats</c> and <c>extended_stats</c> shapes shared by the metric and the bucket pipeline: count, min, max,
/// avg, sum, then sums of squares, population and sampling variances and deviations and the <c>sigma</c> bounds, each
/// with <c>*_as_string</c> under a format; with no values every statistic but count and sum is null.
/// </summary>
internal static class StatsRenderer
{
    public static double Sigma(JsonNode node, string name)
    {
        var sigma = JsonValues.ToDouble(node, "sigma");
        return sigma >= 0 ? sigma
            : throw StoreException.IllegalArgument("[sigma] must be greater than or equal to 0. Found [" + PipelineFormat.JavaDouble(sigma) + "] in [" + name + "]");
    }

    public static void Stats(JsonObject result, IReadOnlyList<double> values, string? format)
    {
        var count = values.Count;
        result["count"] = count;
        format = count > 0 ? format : null;
        PipelineFormat.Set(result, "min", count > 0 ? values.Min() : double.NaN, format);
        PipelineFormat.Set(result, "max", count > 0 ? values.Max() : double.NaN, format);
        PipelineFormat.Set(result, "avg", count > 0 ? values.Average() : double.NaN, format);
        PipelineFormat.Set(result, "sum", values.Sum(), format);
    }

    public static void ExtendedStats(JsonObject result, IReadOnlyList<double> values, double sigma, string? format)
    {
        Stats(result, values, format);
        var count = values.Count;
        format = count > 0 ? format : null;
        var sum = values.Sum();
        var squares = values.Sum(v => v * v);
        var avg = count > 0 ? sum / count : double.NaN;
        var population = count > 0 ? Math.Max(0, (squares - (sum * sum / count)) / count) : double.NaN;
        var sampling = count > 1 ? Math.Max(0, (squares - (sum * sum / count)) / (count - 1)) : double.NaN;
        PipelineFormat.Set(result, "sum_of_squares", count > 0 ? squares : double.NaN, format);
        PipelineFormat.Set(result, "variance", population, format);
        PipelineFormat.Set(result, "variance_population", population, format);
        PipelineFormat.Set(result, "variance_sampling", sampling, format);
        PipelineFormat.Set(result, "std_deviation", Math.Sqrt(population), format);
        PipelineFormat.Set(result, "std_deviation_population", Math.Sqrt(population), format);
        PipelineFormat.Set(result, "std_deviation_sampling", Math.Sqrt(sampling), format);
        var bounds = new JsonObject();
        var asStrings = new JsonObject();
        void Bound(string name, double value)
        {
            bounds[name] = PipelineFormat.Value(value);
            if (format is not null && double.IsFinite(value))
            {
                asStrings[name] = value.ToString(format, CultureInfo.InvariantCulture);
            }
        }

        Bound("upper", avg + (sigma * Math.Sqrt(population)));
        Bound("lower", avg - (sigma * Math.Sqrt(population)));
        Bound("upper_population", avg + (sigma * Math.Sqrt(population)));
        Bound("lower_population", avg - (sigma * Math.Sqrt(population)));
        Bound("upper_sampling", avg + (sigma * Math.Sqrt(sampling)));
        Bound("lower_sampling", avg - (sigma * Math.Sqrt(sampling)));
        result["std_deviation_bounds"] = bounds;
        if (asStrings.Count > 0)
        {
            result["std_deviation_bounds_as_string"] = asStrings;
        }
    }
}
