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

    /// <summary>
    /// A script that failed on the index's shard: <c>search_phase_execution_exception</c> with the query
    /// <c>phase</c> and the shard failure (<c>failed_shards</c>), the <c>script_exception</c> being the root cause.
    /// </summary>
    public static StoreException ScriptFailed(StoreException cause, string index, string phase = "query") =>
        new(cause.Status, "search_phase_execution_exception", "all shards failed")
        {
            CausedBy = cause,
            Details = new System.Text.Json.Nodes.JsonObject
            {
                ["phase"] = phase,
                ["grouped"] = true,
                ["failed_shards"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                {
                    ["shard"] = 0,
                    ["index"] = index,
                    ["node"] = "embedded-node",
                    ["reason"] = Rest.ErrorRenderer.Cause(cause.ToError(), includeRootCause: false),
                }),
            },
        };

    public static StoreException QueryShard(string reason, string? index = null) =>
        new(400, "query_shard_exception", reason, index);
}
