using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>GET /_capabilities?method=&amp;path=&amp;capabilities=&amp;parameters=</c>: whether the store has every named
/// capability of an endpoint (Elasticsearch's <c>{"supported": true|false}</c>). Only capabilities whose behaviour
/// the store implements are listed; an endpoint or capability it does not know answers <c>false</c>.
/// </summary>
internal sealed class CapabilitiesEndpoint
{
    /// <summary>Capabilities by "METHOD path" (paths as Elasticsearch routes them, without the index variant).</summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> Capabilities = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
    {
        ["GET /_search"] = Search,
        ["POST /_search"] = Search,

        // unassigned_pri_shard_count: cluster health reports unassigned_primary_shards (always 0: one node holds every primary).
        ["GET /_cluster/health"] = Set("unassigned_pri_shard_count"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// knn_query_vector_base64: query_vector as base64 (float32, bfloat16 or raw bytes by element type) or hex
    /// (Search/Knn/VectorText); dense_vector_docvalue_fields(_format): docvalue_fields on dense_vector, as arrays or
    /// base64 (Search/Knn/VectorRendering); knn_quantized_vector_rescore_oversample: knn's rescore_vector, validated (the
    /// store's kNN scores every hit exactly whatever the index_options, which is what rescoring yields).
    /// </summary>
    private static FrozenSet<string> Search => Set(
        "knn_query_vector_base64", "dense_vector_docvalue_fields", "dense_vector_docvalue_fields_format", "knn_quantized_vector_rescore_oversample");

    public void Register(RestRouter router) =>
        router.Add("GET", "/_capabilities", (r, _) => ValueTask.FromResult(Answer(r)));

    private static RestResponse Answer(RestRequest request)
    {
        var path = request.Param("path")
            ?? throw StoreException.BadRequest("action_request_validation_exception", "Validation Failed: 1: path is missing;");
        var method = (request.Param("method") ?? "GET").ToUpperInvariant();
        var wanted = (request.Param("capabilities") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parameters = request.Param("parameters");
        var supported = string.IsNullOrEmpty(parameters) &&
            Capabilities.TryGetValue(method + " " + Normalize(path), out var known) && wanted.All(known.Contains);
        return RestResponse.Ok(new JsonObject { ["supported"] = supported });
    }

    // "/{index}/_search" and "/my-index/_search" are the same endpoint as "/_search".
    private static string Normalize(string path)
    {
        var trimmed = path.TrimEnd('/');
        var last = trimmed.LastIndexOf('/');
        return last > 0 && trimmed[(last + 1)..].StartsWith('_') ? trimmed[last..] : trimmed;
    }

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}
