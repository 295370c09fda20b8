using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Clients;

/// <summary>The official Node.js client's helpers (bulk, scrollDocuments, scrollSearch, msearch) through the gateway on the embedded store.</summary>
public sealed class NodeClientHelpersTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Lazy<GatewayHost> _gateway;

    public NodeClientHelpersTests() => _gateway = new(() => GatewayHost.Start(_temp.Path, null));

    public void Dispose()
    {
        if (_gateway.IsValueCreated)
        {
            _gateway.Value.Dispose();
        }

        _temp.Dispose();
    }

    [SkippableFact]
    public async Task Helpers_BulkScrollAndMsearchSeeEveryDocument()
    {
        Skip.If(NodeClients.MissingReason is not null, NodeClients.MissingReason);

        var result = await NodeClients.RunScriptAsync("node-helpers.mjs", new Dictionary<string, string>
        {
            ["GATEWAY_URL"] = _gateway.Value.Address.ToString(),
            ["DOCS"] = "2500",
        });

        Assert.Equal(2500, result["bulk"]!["successful"]!.GetValue<int>());
        Assert.Equal(0, result["bulk"]!["failed"]!.GetValue<int>());
        Assert.Equal(2500, result["scrolled"]!.GetValue<int>());
        Assert.Equal(2500, result["distinct"]!.GetValue<int>());
        Assert.Equal(1250, result["odd"]!.GetValue<int>());
        Assert.True(result["pages"]!.GetValue<int>() >= 4, result.ToJsonString());
        Assert.Equal(1250, result["msearchEven"]!.GetValue<int>());
        Assert.Equal(10, result["msearchLow"]!.GetValue<int>());
        Assert.Equal(2500, result["catCount"]!.GetValue<int>());

        // scrollSearch and scrollDocuments clear their scrolls when done: nothing is left open.
        var cleared = await _gateway.Value.Http.DeleteAsync("/_search/scroll/_all");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, cleared.StatusCode);
    }
}
