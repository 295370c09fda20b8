using Microsoft.Extensions.Options;

namespace Gateway.Upstream;

/// <summary>
/// Raised when a request that may change the peak catalog goes upstream (through the proxy or the
/// gateway's own client), so that cached prototypes are reloaded before the next query.
/// </summary>
public sealed class CatalogChangeSignal(IOptions<GatewayIndicesOptions> indices)
{
    // Endpoints that only read, though clients (and the gateway's own catalog reader) send most of them as POST.
    private static readonly HashSet<string> ReadOnlyEndpoints = new(StringComparer.Ordinal)
    {
        "_search", "_msearch", "_count", "_mget", "_field_caps", "_validate", "_explain", "_termvectors",
        "_mtermvectors", "_rank_eval", "_knn_search", "_pit", "_search_shards", "_analyze", "_eql", "_sql",
    };

    private readonly string _catalogIndex = indices.Value.Catalog;
    private long _version;

    /// <summary>Incremented on every possible change.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Marks the catalog as possibly changed.</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    /// <summary>Invalidates when a write request may touch the catalog: any non-GET/HEAD request on a path that
    /// names it, and bulk, alias and refresh requests that do not name an index — but not the read-only endpoints
    /// (<c>_search</c>, <c>_count</c>, <c>_mget</c>, ...), which are POSTed too: the catalog's own reader searches it
    /// by POST, and counting that as a change made every query reload the catalog.</summary>
    public void Observe(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (method is "GET" or "HEAD" || IsReadOnly(path))
        {
            return;
        }

        var span = path.AsSpan().TrimStart('/');
        if (span.Contains(_catalogIndex, StringComparison.Ordinal)
            || span.StartsWith("_bulk", StringComparison.Ordinal)
            || span.StartsWith("_aliases", StringComparison.Ordinal)
            || span.StartsWith("_refresh", StringComparison.Ordinal)
            || span.StartsWith("_reindex", StringComparison.Ordinal))
        {
            Invalidate();
        }
    }

    private static bool IsReadOnly(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        foreach (var segment in (query < 0 ? path : path[..query]).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ReadOnlyEndpoints.Contains(segment))
            {
                return true;
            }
        }

        return false;
    }
}
