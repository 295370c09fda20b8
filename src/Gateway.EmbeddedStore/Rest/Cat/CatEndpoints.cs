using System.Globalization;
using Gateway.EmbeddedStore.Indices;
using Gateway.EmbeddedStore.Rest.Api;

namespace Gateway.EmbeddedStore.Rest.Cat;

/// <summary><c>_cat/indices</c>, <c>_cat/count</c>, <c>_cat/aliases</c> and <c>_cat/health</c>.</summary>
internal sealed class CatEndpoints(EmbeddedStore store, SearchEndpoints search)
{
    private static readonly CatColumn[] CountColumns =
    [
        new("epoch", "t,time", "seconds since 1970-01-01 00:00:00", Right: true),
        new("timestamp", "ts,hms,hhmmss", "time in HH:MM:SS"),
        new("count", "dc,docs.count,docsCount", "the document count", Right: true),
    ];

    private static readonly CatColumn[] HealthColumns =
    [
        new("epoch", "t,time", "seconds since 1970-01-01 00:00:00", Right: true),
        new("timestamp", "ts,hms,hhmmss", "time in HH:MM:SS"),
        new("cluster", "cl", "cluster name"),
        new("status", "st", "health status"),
        new("node.total", "nt,nodeTotal", "total number of nodes", Right: true),
        new("node.data", "nd,nodeData", "number of nodes that can store data", Right: true),
        new("shards", "t,sh,shards.total,shardsTotal", "total number of shards", Right: true),
        new("pri", "p,shards.primary,shardsPrimary", "number of primary shards", Right: true),
        new("relo", "r,shards.relocating,shardsRelocating", "number of relocating nodes", Right: true),
        new("init", "i,shards.initializing,shardsInitializing", "number of initializing nodes", Right: true),
        new("unassign", "u,shards.unassigned,shardsUnassigned", "number of unassigned shards", Right: true),
        new("pending_tasks", "pt,pendingTasks", "number of pending tasks", Right: true),
        new("max_task_wait_time", "mtwt,maxTaskWaitTime", "wait time of longest task pending", Right: true),
        new("active_shards_percent", "asp,activeShardsPercent", "active number of shards in percent", Right: true),
    ];

    private static readonly CatColumn[] IndicesColumns =
    [
        new("health", "h", "current health status"),
        new("status", "s", "open/close status"),
        new("index", "i,idx", "index name"),
        new("uuid", "id,uuid", "index uuid"),
        new("pri", "p,shards.primary,shardsPrimary", "number of primary shards", Right: true),
        new("rep", "r,shards.replica,shardsReplica", "number of replica shards", Right: true),
        new("docs.count", "dc,docsCount", "available docs", Right: true),
        new("docs.deleted", "dd,docsDeleted", "deleted docs", Right: true),
        new("store.size", "ss,storeSize", "store size of primaries & replicas", Right: true),
        new("pri.store.size", string.Empty, "store size of primaries", Right: true),
        new("dataset.size", string.Empty, "total size of dataset", Right: true),
    ];

    private static readonly CatColumn[] AliasColumns =
    [
        new("alias", "a", "alias name"),
        new("index", "i,idx", "index alias points to"),
        new("filter", "f,fi", "filter"),
        new("routing.index", "ri,routingIndex", "index routing"),
        new("routing.search", "rs,routingSearch", "search routing"),
        new("is_write_index", "w,isWriteIndex", "write index"),
    ];

    public void Register(RestRouter router)
    {
        router.Add("GET", "/_cat/count", (r, _) => ValueTask.FromResult(Count(r)));
        router.Add("GET", "/_cat/count/{index}", (r, _) => ValueTask.FromResult(Count(r)));
        router.Add("GET", "/_cat/health", (r, _) => ValueTask.FromResult(Health(r)));
        router.Add("GET", "/_cat/indices", (r, _) => ValueTask.FromResult(Indices(r)));
        router.Add("GET", "/_cat/indices/{index}", (r, _) => ValueTask.FromResult(Indices(r)));
        router.Add("GET", "/_cat/aliases", (r, _) => ValueTask.FromResult(Aliases(r)));
        router.Add("GET", "/_cat/aliases/{name}", (r, _) => ValueTask.FromResult(Aliases(r)));
    }

    private RestResponse Count(RestRequest request)
    {
        if (!search.Targets(request.RouteOrNull("index"), new Dictionary<string, string>()).TryGetValue(out var targets, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var count = store.Search.Count(targets, null, new Dictionary<string, string>(), CancellationToken.None)["count"]!.GetValue<long>();
        var now = store.Time.GetUtcNow();
        return CatTable.Render(request, CountColumns, [[Epoch(now), Clock(now), Number(count)]]);
    }

    private RestResponse Health(RestRequest request)
    {
        var now = store.Time.GetUtcNow();
        var indices = store.Catalog.All.ToList();
        var primaries = indices.Sum(i => i.Shards);
        var unassigned = indices.Sum(i => i.Shards * i.Replicas);
        var percent = primaries + unassigned == 0 ? 100.0 : 100.0 * primaries / (primaries + unassigned);
        string[] row =
        [
            Epoch(now), Clock(now), store.Options.ClusterName, unassigned > 0 ? "yellow" : "green", "1", "1",
            Number(primaries), Number(primaries), "0", "0", Number(unassigned), "0", "-",
            percent.ToString("0.0", CultureInfo.InvariantCulture) + "%",
        ];
        var columns = HealthColumns;
        if (!request.Flag("ts", true))
        {
            columns = columns[2..];
            row = row[2..];
        }

        return CatTable.Render(request, columns, [row]);
    }

    private RestResponse Indices(RestRequest request)
    {
        var expression = request.RouteOrNull("index");
        // cat indices lists closed indices too (expand_wildcards defaults to all), with status "close" and no statistics.
        if (!IndexResolver.ResolveIndices(store.Catalog, expression, ignoreUnavailable: false, allowNoIndices: true,
            ExpandWildcards.Parse(request.Param("expand_wildcards"), WildcardStates.All)).TryGetValue(out var indices, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var unit = request.Param("bytes");
        var health = request.Param("health");
        var rows = new List<string[]>();
        foreach (var index in indices.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var stats = IndexStatistics.Of(index);
            var status = index.Replicas > 0 ? "yellow" : "green";
            if (health is not null && health != status)
            {
                continue;
            }

            if (index.IsClosed)
            {
                rows.Add([status, "close", index.Name, index.Uuid, Number(index.Shards), Number(index.Replicas), "", "", "", "", ""]);
                continue;
            }

            var size = IndexStatistics.Bytes(stats.StoreBytes, unit);
            rows.Add([status, "open", index.Name, index.Uuid, Number(index.Shards), Number(index.Replicas),
                Number(stats.DocsCount), Number(stats.DocsDeleted), size, size, size]);
        }

        return CatTable.Render(request, IndicesColumns, rows);
    }

    private RestResponse Aliases(RestRequest request)
    {
        var names = request.RouteOrNull("name")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var rows = new List<string[]>();
        foreach (var index in store.Catalog.All.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            foreach (var (alias, meta) in index.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (names is not null && !names.Any(n => Search.Execution.Wildcard.Matches(n, alias)))
                {
                    continue;
                }

                rows.Add([alias, index.Name, meta.Filter is null ? "-" : "*", meta.IndexRouting ?? "-", meta.SearchRouting ?? "-",
                    meta.IsWriteIndex is { } write ? (write ? "true" : "false") : "-"]);
            }
        }

        return CatTable.Render(request, AliasColumns, rows);
    }

    private static string Epoch(DateTimeOffset now) => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Clock(DateTimeOffset now) => now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
