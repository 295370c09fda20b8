using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// A bucket <c>order</c> key naming a sub-aggregation (Elasticsearch's <c>AggregationPath</c> in
/// <c>InternalOrder.Aggregation</c>): elements separated by <c>&gt;</c>, every one but the last a single-bucket
/// aggregation (<c>filter</c>, <c>nested</c>, <c>reverse_nested</c>, <c>missing</c>, <c>global</c>), the last a
/// single-bucket aggregation (its <c>doc_count</c>) or a numeric metric, with a key for a multi-value one
/// (<c>stats.avg</c>, <c>percentiles[99.9]</c>; <c>.value</c> allowed on a single-value one). A bad path fails the
/// search with ES's <c>aggregation_execution_exception</c> "Invalid aggregation order path [...]. ..." (400).
/// </summary>
internal sealed class BucketOrderPath
{
    private const string SortableOnly = "Buckets can only be sorted on a sub-aggregator path that is built out of zero or more single-bucket aggregations within the path and a final single-bucket or a metrics aggregation at the path end.";

    private static readonly string[] StatsKeys = ["count", "min", "max", "avg", "sum"];

    private static readonly string[] ExtendedStatsKeys =
    [
        .. StatsKeys, "sum_of_squares", "variance", "variance_population", "variance_sampling", "std_deviation", "std_deviation_population",
        "std_deviation_sampling", "std_upper", "std_lower", "std_upper_population", "std_lower_population", "std_upper_sampling", "std_lower_sampling",
    ];

    private readonly List<(string Name, string? Key)> _elements;

    private BucketOrderPath(string text, List<(string Name, string? Key)> elements)
    {
        Text = text;
        _elements = elements;
    }

    public string Text { get; }

    /// <summary>Parses a path as <c>AggregationPath.parse</c> does: a key in brackets on any element, after the last <c>.</c> on the last.</summary>
    public static BucketOrderPath Parse(string text)
    {
        var parts = text.Split('>');
        var elements = new List<(string, string?)>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0 && part.EndsWith(']'))
            {
                elements.Add((part[..bracket], part[(bracket + 1)..^1].Trim('\'', '"')));
                continue;
            }

            var dot = i == parts.Length - 1 ? part.LastIndexOf('.') : -1;
            if (part.Length == 0 || bracket >= 0 || dot == 0 || dot == part.Length - 1)
            {
                throw StoreException.IllegalArgument("Invalid path [" + text + "]");
            }

            elements.Add(dot < 0 ? (part, null) : (part[..dot], part[(dot + 1)..]));
        }

        return new BucketOrderPath(text, elements);
    }

    /// <summary>Checks the path against the sub-aggregations of the ordered aggregation, as the shard does when it builds the aggregator.</summary>
    public void Validate(IReadOnlyDictionary<string, Aggregation> subs)
    {
        var level = subs;
        for (var i = 0; i < _elements.Count; i++)
        {
            var (name, key) = _elements[i];
            if (!level.TryGetValue(name, out var agg) || agg is Pipeline.PipelineAggregation)
            {
                throw Invalid("The provided aggregation [" + Element(i) + "] either does not exist, or is a pipeline aggregation and cannot be used to sort the buckets.");
            }

            if (i < _elements.Count - 1)
            {
                if (key is not null)
                {
                    throw Invalid("Key only allowed on last aggregation path element but got [" + Element(i) + "]");
                }

                if (!IsSingleBucket(agg))
                {
                    throw Invalid(SortableOnly + " [" + name + "] is not single-bucket.");
                }

                level = agg.SubAggregations;
                continue;
            }

            ValidateLast(agg, name, key);
        }
    }

    /// <summary>The value the path names for one bucket (NaN when it has none), computing the first element over the bucket's documents.</summary>
    public double Value(Aggregation owner, AggDocs bucket, bool typedKeys) =>
        Walk(owner.SubAggregations[_elements[0].Name].Compute(bucket, typedKeys), owner);

    /// <summary>The value the path names in a bucket already rendered with its sub-aggregations.</summary>
    public double ValueIn(Aggregation owner, JsonObject bucket) => Walk(Pipeline.BucketsPath.Child(bucket, _elements[0].Name), owner);

    private double Walk(JsonNode? node, Aggregation owner)
    {
        var agg = owner.SubAggregations[_elements[0].Name];
        for (var i = 1; i < _elements.Count; i++)
        {
            node = node is JsonObject obj ? Pipeline.BucketsPath.Child(obj, _elements[i].Name) : null;
            agg = agg.SubAggregations[_elements[i].Name];
        }

        return node is JsonObject last ? Read(last, agg, _elements[^1].Key) : double.NaN;
    }

    /// <summary>Compares two values as Java's <c>Double.compare</c> does: NaN (no value) after every number.</summary>
    public static int Compare(double a, double b) =>
        double.IsNaN(a) ? (double.IsNaN(b) ? 0 : 1) : double.IsNaN(b) ? -1 : a.CompareTo(b);

    private void ValidateLast(Aggregation agg, string name, string? key)
    {
        if (IsSingleBucket(agg))
        {
            if (key is not null && key != "doc_count")
            {
                throw Invalid("Ordering on a single-bucket aggregation can only be done on its doc_count. Either drop the key (a la \"" + name +
                    "\") or change it to \"doc_count\" (a la \"" + name + ".doc_count\") or \"key\".");
            }

            return;
        }

        var multiKeys = MultiValueKeys(agg);
        if (multiKeys is not null)
        {
            if (key is null)
            {
                throw Invalid("When ordering on a multi-value metrics aggregation a metric name must be specified.");
            }

            var known = multiKeys.Length == 0 ? double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out _) : Array.IndexOf(multiKeys, key) >= 0;
            if (!known)
            {
                throw Invalid("Unknown metric name [" + key + "] on multi-value metrics aggregation [" + name + "]");
            }

            return;
        }

        if (agg is MetricAggregation or WeightedAvgAggregation)
        {
            if (key is not null && key != "value")
            {
                throw Invalid("Ordering on a single-value metrics aggregation can only be done on its value. Either drop the key (a la \"" + name +
                    "\") or change it to \"value\" (a la \"" + name + ".value\")");
            }

            return;
        }

        throw Invalid(SortableOnly);
    }

    private static double Read(JsonObject rendered, Aggregation agg, string? key)
    {
        if (IsSingleBucket(agg))
        {
            return Number(rendered["doc_count"]);
        }

        if (agg is TopMetricsAggregation)
        {
            return TopMetricsAggregation.Number(rendered, key!);
        }

        if (key is null or "value")
        {
            return Number(rendered["value"], Empty(agg is MetricAggregation m ? m.Type : null));
        }

        if (rendered["values"] is JsonObject values && double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
        {
            return Number(values[Pipeline.PipelineFormat.JavaDouble(percent)] ?? values[key]);
        }

        if (key.StartsWith("std_", StringComparison.Ordinal) && key is not ("std_deviation" or "std_deviation_population" or "std_deviation_sampling"))
        {
            // std_upper, std_lower_population …: the bounds object's upper, lower_population …
            return Number(rendered["std_deviation_bounds"]?[key[4..]]);
        }

        return Number(rendered[key], Empty(key));
    }

    // What an empty bucket's metric is inside Elasticsearch (rendered as null): max -∞ and min +∞ (so they sort last
    // in their own direction), the others NaN.
    private static double Empty(string? metric) => metric switch
    {
        "max" => double.NegativeInfinity,
        "min" => double.PositiveInfinity,
        _ => double.NaN,
    };

    private static string[]? MultiValueKeys(Aggregation agg) => agg switch
    {
        MetricAggregation { Type: "stats" } => StatsKeys,
        MetricAggregation { Type: "extended_stats" } => ExtendedStatsKeys,
        PercentilesAggregation => [],
        TopMetricsAggregation topMetrics => [.. topMetrics.Metrics],
        _ => null,
    };

    private static bool IsSingleBucket(Aggregation agg) =>
        agg is NestedAggregation or MissingAggregation or GlobalAggregation or SamplerAggregation || (agg is FilterAggregation filter && !filter.IsMultiBucket);

    private static double Number(JsonNode? node, double empty = double.NaN) => node is JsonValue v && JsonValues.IsNumber(v) ? JsonValues.ToDouble(v, "value") : empty;

    private string Element(int i) => _elements[i].Key is { } key ? _elements[i].Name + "[" + key + "]" : _elements[i].Name;

    private StoreException Invalid(string message) =>
        SearchErrors.AllShardsFailed(new StoreException(400, "aggregation_execution_exception", "Invalid aggregation order path [" + Text + "]. " + message));
}
