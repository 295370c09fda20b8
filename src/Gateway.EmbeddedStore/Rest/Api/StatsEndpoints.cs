using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>GET /_stats</c> and <c>GET /{index}/_stats[/{metric}]</c> with the <c>docs</c> and <c>store</c> metrics
/// (see <see cref="IndexStatistics"/>); other metrics Elasticsearch knows are refused with a 400 that names them.
/// </summary>
internal sealed class StatsEndpoints(EmbeddedStore store)
{
    private static readonly string[] Supported = ["docs", "store"];

    private static readonly string[] Known =
    [
        "_all", "docs", "store", "indexing", "get", "search", "merge", "refresh", "flush", "warmer", "query_cache", "fielddata",
        "completion", "segments", "translog", "request_cache", "recovery", "bulk", "shard_stats", "mappings", "dense_vector", "sparse_vector",
    ];

    public void Register(RestRouter router)
    {
        router.Add("GET", "/_stats", (r, _) => ValueTask.FromResult(Stats(r, null, null)));
        router.Add("GET", "/_stats/{metric}", (r, _) => ValueTask.FromResult(Stats(r, null, r.Route("metric"))));
        router.Add("GET", "/{index}/_stats", (r, _) => ValueTask.FromResult(Stats(r, r.Route("index"), null)));
        router.Add("GET", "/{index}/_stats/{metric}", (r, _) => ValueTask.FromResult(Stats(r, r.Route("index"), r.Route("metric"))));
    }

    private RestResponse Stats(RestRequest request, string? expression, string? metric)
    {
        var metrics = Metrics(request, metric);
        if (!IndexResolver.ResolveIndices(store.Catalog, expression, request.Flag("ignore_unavailable", false), request.Flag("allow_no_indices", true),
            ExpandWildcards.Parse(request.Param("expand_wildcards"), WildcardStates.Open), forbidClosed: true)
            .TryGetValue(out var indices, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var perIndex = new JsonObject();
        long docs = 0, bytes = 0;
        var shards = 0;
        var replicas = 0;
        foreach (var index in indices.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var stats = IndexStatistics.Of(index);
            docs += stats.DocsCount;
            bytes += stats.StoreBytes;
            shards += index.Shards;
            replicas += index.Shards * index.Replicas;
            var section = Section(metrics, stats.DocsCount, stats.StoreBytes);
            perIndex[index.Name] = new JsonObject
            {
                ["uuid"] = index.Uuid,
                ["health"] = index.Replicas > 0 ? "yellow" : "green",
                ["status"] = "open",
                ["primaries"] = section,
                ["total"] = section.DeepClone(),
            };
        }

        var all = Section(metrics, docs, bytes);
        return RestResponse.Ok(new JsonObject
        {
            // A single node: replicas are never assigned, so only primaries answer.
            ["_shards"] = new JsonObject { ["total"] = shards + replicas, ["successful"] = shards, ["failed"] = 0 },
            ["_all"] = new JsonObject { ["primaries"] = all, ["total"] = all.DeepClone() },
            ["indices"] = perIndex,
        });
    }

    private static HashSet<string> Metrics(RestRequest request, string? metric)
    {
        var requested = (metric ?? "_all").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        foreach (var name in requested)
        {
            if (!Known.Contains(name))
            {
                throw StoreException.IllegalArgument("request [" + request.RawPath + "] contains unrecognized metric: [" + name + "]");
            }

            if (name != "_all" && !Supported.Contains(name))
            {
                throw StoreException.IllegalArgument("index stats metric [" + name + "] is not supported by the embedded store (supported: docs, store)");
            }
        }

        return requested.Contains("_all") ? [.. Supported] : requested;
    }

    private static JsonObject Section(HashSet<string> metrics, long docs, long bytes)
    {
        var section = new JsonObject();
        if (metrics.Contains("docs"))
        {
            section["docs"] = new JsonObject { ["count"] = docs, ["deleted"] = 0 };
        }

        if (metrics.Contains("store"))
        {
            section["store"] = new JsonObject { ["size_in_bytes"] = bytes, ["total_data_set_size_in_bytes"] = bytes, ["reserved_in_bytes"] = 0 };
        }

        return section;
    }
}
