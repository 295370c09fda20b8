using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Elasticsearch's wrapping of shard-level failures.</summary>
internal static class SearchErrors
{
    /// <summary>
    /// A failure that Elasticsearch raises on every shard is reported as a
    /// <c>search_phase_execution_exception</c> ("all shards failed") caused by the shard error.
    /// </summary>
    public static StoreException AllShardsFailed(StoreException cause) =>
        new(cause.Status, "search_phase_execution_exception", "all shards failed") { CausedBy = cause };

    public static StoreException QueryShard(string reason, string? index = null) =>
        new(400, "query_shard_exception", reason, index);
}
