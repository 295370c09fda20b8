using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>
/// The options each aggregation type implements, plus those without effect on one shard holding every document
/// (shard sizes, execution hints, collection modes, precision thresholds of an exact count); anything else is refused
/// as Elasticsearch refuses an unknown one, so that no option is silently ignored.
/// </summary>
internal static class AggregationOptions
{
    private static readonly string[] Metric = ["field", "missing", "format", "value_type"];
    private static readonly string[] Histogram = ["field", "interval", "offset", "min_doc_count", "extended_bounds", "hard_bounds", "keyed", "order", "missing", "format"];

    private static readonly string[] BucketMetric = ["buckets_path", "gap_policy", "format"];

    private static readonly string[] SignificantCommon =
    [
        "field", "size", "shard_size", "min_doc_count", "shard_min_doc_count", "include", "exclude", "background_filter",
        "jlh", "percentage", "mutual_information", "chi_square", "gnd", "script_heuristic",
    ];

    private static readonly Dictionary<string, string[]> Known = new(StringComparer.Ordinal)
    {
        ["terms"] = ["field", "size", "order", "min_doc_count", "missing", "include", "exclude", "format", "value_type", "shard_size", "execution_hint", "collect_mode", "shard_min_doc_count"],
        ["histogram"] = Histogram,
        ["date_histogram"] = [.. Histogram, "calendar_interval", "fixed_interval", "time_zone"],
        ["min"] = Metric,
        ["max"] = Metric,
        ["avg"] = Metric,
        ["sum"] = Metric,
        ["value_count"] = Metric,
        ["stats"] = Metric,
        ["extended_stats"] = [.. Metric, "sigma"],
        ["missing"] = ["field", "value_type"],
        ["percentiles"] = [.. Metric, "percents", "keyed", "tdigest", "hdr"],
        ["cardinality"] = [.. Metric, "precision_threshold", "execution_hint"],
        // threshold: the 8.0 request shape of rare_terms carries it; every count here is exact, so it changes nothing.
        ["rare_terms"] = ["field", "max_doc_count", "precision", "include", "exclude", "missing", "value_type", "format", "threshold"],
        ["range"] = ["field", "ranges", "keyed", "format", "missing", "value_type"],
        ["date_range"] = ["field", "ranges", "keyed", "format", "missing", "time_zone", "value_type"],
        ["ip_range"] = ["field", "ranges", "keyed", "missing"],
        ["weighted_avg"] = ["value", "weight", "format", "value_type"],
        ["avg_bucket"] = BucketMetric,
        ["sum_bucket"] = BucketMetric,
        ["min_bucket"] = BucketMetric,
        ["max_bucket"] = BucketMetric,
        ["stats_bucket"] = BucketMetric,
        ["extended_stats_bucket"] = [.. BucketMetric, "sigma"],
        ["percentiles_bucket"] = [.. BucketMetric, "percents", "keyed"],
        ["cumulative_sum"] = ["buckets_path", "format"],
        ["derivative"] = [.. BucketMetric, "unit"],
        ["serial_diff"] = [.. BucketMetric, "lag"],
        ["bucket_sort"] = ["sort", "from", "size", "gap_policy"],
        ["geo_bounds"] = ["field"],
        ["geo_centroid"] = ["field"],
        ["significant_terms"] = [.. SignificantCommon, "execution_hint"],
        ["significant_text"] = [.. SignificantCommon, "filter_duplicate_text", "source_fields"],
        ["ip_prefix"] = ["field", "is_ipv6", "prefix_len", "append_prefix_len", "keyed", "min_doc_count"],
        ["sampler"] = ["shard_size"],
        ["diversified_sampler"] = ["shard_size", "field", "max_docs_per_value", "execution_hint"],
        ["top_metrics"] = ["metrics", "sort", "size"],
        ["variable_width_histogram"] = ["field", "buckets", "shard_size", "initial_buffer", "missing", "format"],
        ["auto_date_histogram"] = ["field", "buckets", "format", "time_zone", "minimum_interval", "missing"],
        ["geohash_grid"] = ["field", "precision", "size", "shard_size", "bounds"],
        ["geotile_grid"] = ["field", "precision", "size", "shard_size", "bounds"],
        ["geo_distance"] = ["field", "origin", "point", "center", "ranges", "unit", "distance_type", "keyed"],
    };

    public static void Check(string type, JsonObject options)
    {
        if (!Known.TryGetValue(type, out var known))
        {
            return;
        }

        foreach (var (key, _) in options)
        {
            if (Array.IndexOf(known, key) < 0)
            {
                throw StoreException.BadRequest("x_content_parse_exception", "[" + type + "] unknown field [" + key + "]");
            }
        }
    }
}
