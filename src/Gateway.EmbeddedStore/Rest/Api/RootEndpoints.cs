using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary><c>GET /</c>, <c>HEAD /</c> and <c>GET /_cluster/health</c>.</summary>
internal sealed class RootEndpoints(EmbeddedStore store)
{
    public void Register(RestRouter router)
    {
        router.Add("GET", "/", (_, _) => ValueTask.FromResult(RestResponse.Ok(Info())));
        router.Add("HEAD", "/", (_, _) => ValueTask.FromResult(RestResponse.Empty(200)));
        router.Add("GET", "/_cluster/health", (r, _) => ValueTask.FromResult(Health(r, null)));
        router.Add("GET", "/_cluster/health/{index}", (r, _) => ValueTask.FromResult(Health(r, r.Route("index"))));
    }

    private JsonObject Info() => new()
    {
        ["name"] = store.Options.NodeName,
        ["cluster_name"] = store.Options.ClusterName,
        ["cluster_uuid"] = store.ClusterUuid,
        ["version"] = new JsonObject
        {
            ["number"] = ServerInfo.Version,
            ["build_flavor"] = "default",
            ["build_type"] = "tar",
            ["build_hash"] = ServerInfo.BuildHash,
            ["build_date"] = ServerInfo.BuildDate,
            ["build_snapshot"] = false,
            ["lucene_version"] = ServerInfo.LuceneVersion,
            ["minimum_wire_compatibility_version"] = ServerInfo.MinimumWireCompatibilityVersion,
            ["minimum_index_compatibility_version"] = ServerInfo.MinimumIndexCompatibilityVersion,
        },
        ["tagline"] = ServerInfo.Tagline,
    };

    private RestResponse Health(RestRequest request, string? expression)
    {
        // Cluster health sees open and closed indices alike (Elasticsearch replicates closed ones since 7.2).
        var expand = ExpandWildcards.Parse(request.Param("expand_wildcards"), WildcardStates.All);
        if (!IndexResolver.ResolveIndices(store.Catalog, expression, ignoreUnavailable: false, allowNoIndices: true, expand).TryGetValue(out var indices, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var level = request.Param("level") ?? "cluster";
        if (level is not ("cluster" or "indices" or "shards"))
        {
            throw Errors.StoreException.IllegalArgument("level must be one of [cluster, indices, shards] but was [" + level + "]");
        }

        var primaries = indices.Sum(i => i.Shards);
        var unassigned = indices.Sum(i => i.Shards * i.Replicas);
        var status = unassigned > 0 ? "yellow" : "green";
        var wanted = request.Param("wait_for_status");
        var timedOut = wanted == "green" && status != "green";
        var body = new JsonObject
        {
            ["cluster_name"] = store.Options.ClusterName,
            ["status"] = status,
            ["timed_out"] = timedOut,
            ["number_of_nodes"] = 1,
            ["number_of_data_nodes"] = 1,
            ["active_primary_shards"] = primaries,
            ["active_shards"] = primaries,
            ["relocating_shards"] = 0,
            ["initializing_shards"] = 0,
            ["unassigned_shards"] = unassigned,
            ["unassigned_primary_shards"] = 0,
            ["delayed_unassigned_shards"] = 0,
            ["number_of_pending_tasks"] = 0,
            ["number_of_in_flight_fetch"] = 0,
            ["task_max_waiting_in_queue_millis"] = 0,
            ["active_shards_percent_as_number"] = primaries + unassigned == 0 ? 100.0 : 100.0 * primaries / (primaries + unassigned),
        };
        if (level != "cluster")
        {
            body["indices"] = IndicesHealth(indices, level == "shards");
        }

        // Elasticsearch answers 408 when the awaited status was not reached within the timeout;
        // a single node never gets its replicas assigned, so there is nothing to wait for.
        return RestResponse.Json(timedOut ? 408 : 200, body);
    }

    // Per index (level=indices) and per shard (level=shards): every primary is active, replicas stay unassigned.
    private static JsonObject IndicesHealth(List<IndexState> indices, bool shards)
    {
        var result = new JsonObject();
        foreach (var index in indices.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var status = index.Replicas > 0 ? "yellow" : "green";
            var health = new JsonObject
            {
                ["status"] = status,
                ["number_of_shards"] = index.Shards,
                ["number_of_replicas"] = index.Replicas,
                ["active_primary_shards"] = index.Shards,
                ["active_shards"] = index.Shards,
                ["relocating_shards"] = 0,
                ["initializing_shards"] = 0,
                ["unassigned_shards"] = index.Shards * index.Replicas,
                ["unassigned_primary_shards"] = 0,
            };
            if (shards)
            {
                var perShard = new JsonObject();
                for (var shard = 0; shard < index.Shards; shard++)
                {
                    perShard[shard.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
                    {
                        ["status"] = status,
                        ["primary_active"] = true,
                        ["active_shards"] = 1,
                        ["relocating_shards"] = 0,
                        ["initializing_shards"] = 0,
                        ["unassigned_shards"] = index.Replicas,
                        ["unassigned_primary_shards"] = 0,
                    };
                }

                health["shards"] = perShard;
            }

            result[index.Name] = health;
        }

        return result;
    }
}
