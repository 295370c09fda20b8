using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Cluster;

/// <summary>
/// The dynamic cluster settings the store reads, with Elasticsearch's defaults and value checks. Any other setting is
/// refused as Elasticsearch refuses one it does not know (the store does not act on it).
/// </summary>
internal static class ClusterSettingDefinitions
{
    public const string DestructiveRequiresName = "action.destructive_requires_name";
    public const string MaxKeepAlive = "search.max_keep_alive";
    public const string DefaultKeepAlive = "search.default_keep_alive";

    /// <summary>An execution strategy of Elasticsearch's aggregations; the store has one way to run them, so either value answers the same.</summary>
    public const string RewriteToFilterByFilter = "search.aggs.rewrite_to_filter_by_filter";

    /// <summary>Each known setting's default value.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [DestructiveRequiresName] = "true",
        [MaxKeepAlive] = "24h",
        [DefaultKeepAlive] = "5m",
        [RewriteToFilterByFilter] = "true",
    };

    /// <summary>Refuses a value the setting cannot take, with Elasticsearch's message.</summary>
    public static void Validate(string key, string value)
    {
        switch (key)
        {
            case DestructiveRequiresName or RewriteToFilterByFilter when value is not ("true" or "false"):
                throw StoreException.IllegalArgument("Failed to parse value [" + value + "] as only [true] or [false] are allowed.");
            case MaxKeepAlive or DefaultKeepAlive when IndexSettings.ParseInterval(value) is not { } interval || interval < TimeSpan.Zero:
                throw StoreException.IllegalArgument("failed to parse setting [" + key + "] with value [" + value + "] as a time value: unit is missing or unrecognized");
        }
    }

    public static TimeSpan Time(string value) => IndexSettings.ParseInterval(value) ?? throw new InvalidOperationException("validated time value expected: " + value);
}
