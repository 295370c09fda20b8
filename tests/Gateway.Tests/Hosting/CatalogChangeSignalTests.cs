using Gateway.Upstream;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Hosting;

public sealed class CatalogChangeSignalTests
{
    private static readonly string Catalog = new GatewayIndicesOptions().Catalog;

    [Theory]
    [InlineData("PUT", "/{catalog}/_doc/ama-dablam")]
    [InlineData("POST", "/{catalog}/_update/ama-dablam")]
    [InlineData("DELETE", "/{catalog}")]
    [InlineData("POST", "/{catalog}/_delete_by_query")]
    [InlineData("POST", "/_bulk?refresh=true")]
    [InlineData("POST", "/_aliases")]
    [InlineData("POST", "/_refresh")]
    [InlineData("POST", "/_reindex")]
    public void Observe_AWriteThatMayTouchTheCatalog_Invalidates(string method, string path)
    {
        var signal = new CatalogChangeSignal(Options.Create(new GatewayIndicesOptions()));

        signal.Observe(method, path.Replace("{catalog}", Catalog, StringComparison.Ordinal));

        Assert.Equal(1, signal.Version);
    }

    [Theory]
    [InlineData("GET", "/{catalog}/_doc/ama-dablam")]
    [InlineData("POST", "/{catalog}/_search")]
    [InlineData("POST", "/{catalog}/_search?size=1000")]
    [InlineData("POST", "/{catalog}/_count")]
    [InlineData("POST", "/{catalog}/_mget")]
    [InlineData("POST", "/{catalog}/_pit?keep_alive=1m")]
    [InlineData("POST", "/_msearch")]
    [InlineData("POST", "/_search/scroll")]
    [InlineData("POST", "/photos/_doc/1")]
    public void Observe_AReadOrAWriteElsewhere_KeepsTheCache(string method, string path)
    {
        var signal = new CatalogChangeSignal(Options.Create(new GatewayIndicesOptions()));

        signal.Observe(method, path.Replace("{catalog}", Catalog, StringComparison.Ordinal));

        Assert.Equal(0, signal.Version);
    }
}
