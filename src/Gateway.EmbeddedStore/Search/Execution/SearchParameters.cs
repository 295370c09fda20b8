using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// The URL parameters of <c>_search</c>, <c>_count</c> and <c>_msearch</c> lines: which the store implements, which it
/// accepts without effect because they cannot change the hits or their order on one single-shard node, and the
/// refusal of everything else (Elasticsearch answers an unknown parameter with <c>illegal_argument_exception</c>).
/// </summary>
internal static class SearchParameters
{
    /// <summary>Parameters the search parser reads (or the REST layer, for index resolution).</summary>
    private static readonly HashSet<string> Implemented = new(StringComparer.Ordinal)
    {
        "q", "df", "default_operator", "lenient", "size", "from", "sort", "_source", "_source_includes", "_source_include",
        "_source_excludes", "_source_exclude", "_source_exclude_vectors", "stored_fields", "docvalue_fields", "track_total_hits", "track_scores",
        "rest_total_hits_as_int", "typed_keys", "version", "seq_no_primary_term", "terminate_after", "min_score",
        "ignore_unavailable", "allow_no_indices", "expand_wildcards", "index", "indices", "search_type", "explain",
        "include_named_queries_score", "force_synthetic_source", "analyze_wildcard",

        // scroll and point in time are routed by the REST layer (their own endpoints and state).
        "scroll",
    };

    /// <summary>
    /// Parameters accepted without effect: routing and shard selection (one shard holds everything), caching, concurrency
    /// and batching knobs, timeouts (a search is never cut short, so <c>timed_out</c> is truthfully false), statistics
    /// groups, and the output switches every Elasticsearch API takes.
    /// </summary>
    private static readonly HashSet<string> WithoutEffect = new(StringComparer.Ordinal)
    {
        "routing", "preference", "request_cache", "batched_reduce_size", "max_concurrent_shard_requests",
        "max_concurrent_searches", "pre_filter_shard_size", "ccs_minimize_roundtrips", "allow_partial_search_results",
        "timeout", "ignore_throttled", "stats", "min_compatible_shard_node", "pretty", "human", "error_trace",
        "filter_path", "source", "source_content_type",
    };

    public static void Validate(IReadOnlyDictionary<string, string> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (!Implemented.Contains(name) && !WithoutEffect.Contains(name))
            {
                throw StoreException.IllegalArgument("request [_search] contains unrecognized parameter: [" + name + "]");
            }

            if (name is "force_synthetic_source" or "analyze_wildcard" && value is "" or "true")
            {
                throw Unsupported("URL parameter [" + name + "]");
            }

            if (name == "search_type" && value is not ("query_then_fetch" or "dfs_query_then_fetch"))
            {
                throw StoreException.IllegalArgument("No search type for [" + value + "]");
            }
        }
    }

    /// <summary>The refusal of a request feature the store does not implement: a 400 that names it.</summary>
    public static StoreException Unsupported(string what) =>
        StoreException.IllegalArgument(what + " is not supported by this store");
}
