using Microsoft.Extensions.Options;

namespace Gateway.Upstream;

/// <summary>
/// Raised when a request that may change the peak catalog goes upstream (through the proxy or the
/// gateway's own client), so that cached prototypes are reloaded before the next query.
/// </summary>
public sealed class CatalogChangeSignal(IOptions<GatewayIndicesOptions> indices)
{
    private readonly string _catalogIndex = indices.Value.Catalog;
    private long _version;

    /// <summary>Incremented on every possible change.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Marks the catalog as possibly changed.</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    /// <summary>Invalidates when a write request may touch the catalog: any non-GET/HEAD request on a path that
    /// names it, and bulk, alias and refresh requests that do not name an index.</summary>
    public void Observe(string method, string path)
    {
        if (method is "GET" or "HEAD")
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
}
