using System.Collections.Frozen;

namespace Gateway.Conformance.Tests.Api;

/// <summary>
/// The APIs the conformance files call (and the store's issues name), transcribed from Elasticsearch 9.x
/// <c>rest-api-spec</c>: "METHODS /path" templates and each API's query parameters.
/// </summary>
internal static class RestApiCatalog
{
    // Parameters every API accepts (rest-api-spec/_common.json).
    private const string Common = "pretty human error_trace source filter_path";
    private const string SourceParams = "_source _source_excludes _source_includes";
    private const string SearchParams = "allow_no_indices allow_partial_search_results analyzer analyze_wildcard batched_reduce_size "
        + "ccs_minimize_roundtrips default_operator df docvalue_fields expand_wildcards explain ignore_throttled ignore_unavailable "
        + "include_named_queries_score lenient max_concurrent_shard_requests preference pre_filter_shard_size request_cache routing "
        + "scroll search_type stats stored_fields suggest_field suggest_mode suggest_size suggest_text terminate_after timeout "
        + "track_scores track_total_hits typed_keys rest_total_hits_as_int version seq_no_primary_term q size from sort "
        + SourceParams;

    private static readonly FrozenDictionary<string, ApiSpec> Specs = new[]
    {
        Api("info", "", "GET /"),
        Api("ping", "", "HEAD /"),
        Api("index", "if_seq_no if_primary_term op_type pipeline refresh routing timeout version version_type wait_for_active_shards require_alias require_data_stream include_source_on_error",
            "PUT POST /{index}/_doc/{id}", "POST /{index}/_doc"),
        Api("create", "pipeline refresh routing timeout version version_type wait_for_active_shards include_source_on_error", "PUT POST /{index}/_create/{id}"),
        Api("get", "force_synthetic_source preference realtime refresh routing stored_fields version version_type _source_exclude_vectors " + SourceParams,
            "GET /{index}/_doc/{id}"),
        Api("exists", "preference realtime refresh routing stored_fields version version_type " + SourceParams, "HEAD /{index}/_doc/{id}"),
        Api("get_source", "preference realtime refresh routing stored_fields version version_type " + SourceParams, "GET /{index}/_source/{id}"),
        Api("exists_source", "preference realtime refresh routing version version_type " + SourceParams, "HEAD /{index}/_source/{id}"),
        Api("delete", "if_seq_no if_primary_term refresh routing timeout version version_type wait_for_active_shards", "DELETE /{index}/_doc/{id}"),
        Api("update", "if_seq_no if_primary_term lang refresh require_alias retry_on_conflict routing timeout wait_for_active_shards include_source_on_error " + SourceParams,
            "POST /{index}/_update/{id}"),
        Api("bulk", "pipeline refresh routing timeout wait_for_active_shards require_alias require_data_stream list_executed_pipelines include_source_on_error _source_include_vectors " + SourceParams,
            "POST PUT /_bulk", "POST PUT /{index}/_bulk"),
        Api("mget", "force_synthetic_source preference realtime refresh routing stored_fields " + SourceParams, "GET POST /_mget", "GET POST /{index}/_mget"),
        Api("count", "ignore_unavailable ignore_throttled allow_no_indices expand_wildcards min_score preference routing q analyzer analyze_wildcard default_operator df lenient terminate_after",
            "POST GET /_count", "POST GET /{index}/_count"),
        Api("search", SearchParams, "GET POST /_search", "GET POST /{index}/_search"),
        Api("msearch", "ccs_minimize_roundtrips max_concurrent_searches max_concurrent_shard_requests pre_filter_shard_size rest_total_hits_as_int search_type typed_keys",
            "GET POST /_msearch", "GET POST /{index}/_msearch"),
        Api("knn_search", "routing", "GET POST /{index}/_knn_search"),
        Api("delete_by_query", SearchParams + " conflicts refresh requests_per_second scroll_size slices wait_for_active_shards wait_for_completion max_docs",
            "POST /{index}/_delete_by_query"),
        Api("update_by_query", SearchParams + " conflicts pipeline refresh requests_per_second scroll_size slices wait_for_active_shards wait_for_completion max_docs",
            "POST /{index}/_update_by_query"),
        Api("capabilities", "method path parameters capabilities local_only", "GET /_capabilities"),
        Api("cluster.health", "expand_wildcards level local master_timeout timeout wait_for_active_shards wait_for_events wait_for_nodes wait_for_no_initializing_shards wait_for_no_relocating_shards wait_for_status",
            "GET /_cluster/health", "GET /_cluster/health/{index}"),
        Api("cluster.get_settings", "flat_settings master_timeout timeout include_defaults", "GET /_cluster/settings"),
        Api("cluster.put_settings", "flat_settings master_timeout timeout", "PUT /_cluster/settings"),
        Api("cluster.stats", "include_remotes timeout", "GET /_cluster/stats", "GET /_cluster/stats/nodes/{node_id}"),
        Api("indices.create", "wait_for_active_shards timeout master_timeout", "PUT /{index}"),
        Api("indices.delete", "timeout master_timeout ignore_unavailable allow_no_indices expand_wildcards", "DELETE /{index}"),
        Api("indices.exists", "local ignore_unavailable allow_no_indices expand_wildcards flat_settings include_defaults", "HEAD /{index}"),
        Api("indices.get", "local ignore_unavailable allow_no_indices expand_wildcards features flat_settings include_defaults master_timeout", "GET /{index}"),
        Api("indices.get_mapping", "ignore_unavailable allow_no_indices expand_wildcards master_timeout local", "GET /_mapping", "GET /{index}/_mapping"),
        Api("indices.get_field_mapping", "include_defaults ignore_unavailable allow_no_indices expand_wildcards local",
            "GET /_mapping/field/{fields}", "GET /{index}/_mapping/field/{fields}"),
        Api("indices.put_mapping", "timeout master_timeout ignore_unavailable allow_no_indices expand_wildcards write_index_only", "PUT POST /{index}/_mapping"),
        Api("indices.get_settings", "master_timeout ignore_unavailable allow_no_indices expand_wildcards flat_settings local include_defaults",
            "GET /_settings", "GET /{index}/_settings", "GET /{index}/_settings/{name}", "GET /_settings/{name}"),
        Api("indices.put_settings", "master_timeout timeout preserve_existing reopen ignore_unavailable allow_no_indices expand_wildcards flat_settings",
            "PUT /_settings", "PUT /{index}/_settings"),
        Api("indices.refresh", "ignore_unavailable allow_no_indices expand_wildcards", "POST GET /_refresh", "POST GET /{index}/_refresh"),
        Api("indices.flush", "force wait_if_ongoing ignore_unavailable allow_no_indices expand_wildcards", "POST GET /_flush", "POST GET /{index}/_flush"),
        Api("indices.forcemerge", "flush ignore_unavailable allow_no_indices expand_wildcards max_num_segments only_expunge_deletes wait_for_completion",
            "POST /_forcemerge", "POST /{index}/_forcemerge"),
        Api("indices.stats", "completion_fields fielddata_fields fields groups level include_segment_file_sizes include_unloaded_segments expand_wildcards forbid_closed_indices",
            "GET /_stats", "GET /_stats/{metric}", "GET /{index}/_stats", "GET /{index}/_stats/{metric}"),
        Api("indices.open", "timeout master_timeout ignore_unavailable allow_no_indices expand_wildcards wait_for_active_shards", "POST /{index}/_open"),
        Api("indices.close", "timeout master_timeout ignore_unavailable allow_no_indices expand_wildcards wait_for_active_shards", "POST /{index}/_close"),
        Api("indices.get_alias", "ignore_unavailable allow_no_indices expand_wildcards local master_timeout",
            "GET /_alias", "GET /_alias/{name}", "GET /{index}/_alias/{name}", "GET /{index}/_alias"),
        Api("indices.exists_alias", "ignore_unavailable allow_no_indices expand_wildcards local master_timeout",
            "HEAD /_alias/{name}", "HEAD /{index}/_alias/{name}"),
        Api("indices.put_alias", "timeout master_timeout", "PUT POST /{index}/_alias/{name}", "PUT POST /{index}/_aliases/{name}"),
        Api("indices.delete_alias", "timeout master_timeout", "DELETE /{index}/_alias/{name}", "DELETE /{index}/_aliases/{name}"),
        Api("indices.update_aliases", "timeout master_timeout", "POST /_aliases"),
        Api("scroll", "rest_total_hits_as_int scroll scroll_id", "GET POST /_search/scroll", "GET POST /_search/scroll/{scroll_id}"),
        Api("clear_scroll", "scroll_id", "DELETE /_search/scroll", "DELETE /_search/scroll/{scroll_id}"),
        Api("open_point_in_time", "keep_alive ignore_unavailable expand_wildcards preference routing allow_partial_search_results max_concurrent_shard_requests",
            "POST /{index}/_pit"),
        Api("close_point_in_time", "", "DELETE /_pit"),
        Api("reindex", "refresh timeout wait_for_active_shards wait_for_completion requests_per_second scroll slices max_docs require_alias", "POST /_reindex"),
        Api("tasks.get", "timeout wait_for_completion", "GET /_tasks/{task_id}"),
        Api("reindex_rethrottle", "requests_per_second", "POST /_reindex/{task_id}/_rethrottle"),
        Api("update_by_query_rethrottle", "requests_per_second", "POST /_update_by_query/{task_id}/_rethrottle"),
        Api("delete_by_query_rethrottle", "requests_per_second", "POST /_delete_by_query/{task_id}/_rethrottle"),
        Api("put_script", "timeout master_timeout context", "PUT POST /_scripts/{id}", "PUT POST /_scripts/{id}/{context}"),
        Api("get_script", "master_timeout", "GET /_scripts/{id}"),
        Api("delete_script", "timeout master_timeout", "DELETE /_scripts/{id}"),
        Api("cat.count", "format h help s v", "GET /_cat/count", "GET /_cat/count/{index}"),
        Api("cat.health", "format h help s time ts v", "GET /_cat/health"),
        Api("cat.indices", "format bytes expand_wildcards health help include_unloaded_segments pri s time v h master_timeout", "GET /_cat/indices", "GET /_cat/indices/{index}"),
        Api("cat.aliases", "format local h help s v expand_wildcards master_timeout", "GET /_cat/aliases", "GET /_cat/aliases/{name}"),
        Api("explain", "analyze_wildcard analyzer default_operator df stored_fields lenient preference q routing " + SourceParams,
            "GET POST /{index}/_explain/{id}"),
        Api("field_caps", "fields ignore_unavailable allow_no_indices expand_wildcards include_unmapped filters types include_empty_fields",
            "GET POST /_field_caps", "GET POST /{index}/_field_caps"),
        Api("indices.field_usage_stats", "fields ignore_unavailable allow_no_indices expand_wildcards", "GET /{index}/_field_usage_stats"),
    }.ToFrozenDictionary(spec => spec.Name, StringComparer.Ordinal);

    public static ApiSpec? Find(string name) => Specs.GetValueOrDefault(name);

    public static IEnumerable<string> Names => Specs.Keys;

    private static ApiSpec Api(string name, string queryParams, params string[] paths)
    {
        var parsed = paths.Select(p =>
        {
            var tokens = p.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new ApiPath(tokens[^1], tokens[..^1]);
        }).ToList();
        var allParams = (queryParams + " " + Common).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return new ApiSpec(name, parsed, allParams, NdJsonBody: name is "bulk" or "msearch")
        {
            BodyRequired = name is "bulk" or "msearch" or "index" or "create" or "update" or "reindex" or "delete_by_query",
        };
    }
}
