using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Gateway.Cli;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Cli;

/// <summary><c>gateway index</c> while a gateway runs on the embedded store: the command starts the jobs there.</summary>
public sealed class IndexCommandTests : IDisposable
{
    private readonly AlbumGateway _gateway = new("red");

    [Fact]
    public async Task Index_WhileTheGatewayHoldsTheStore_RunsTheJobsOnTheGateway()
    {
        var output = new StringWriter();
        var settings = new Dictionary<string, string?>(_gateway.Settings)
        {
            ["Upstream:Url"] = "embedded",
            ["EmbeddedStore:DataPath"] = _gateway.StorePath,
            ["Urls"] = _gateway.Host.Address.ToString(),
        };

        var error = new StringWriter();

        var code = await IndexCommand.RunAsync("trek", full: false, rebuildCatalog: true, server: null, output, error, settings, Timeout().Token);

        var text = output.ToString();
        Assert.Equal(1, code);
        Assert.Equal("", error.ToString());
        Assert.Contains("a running gateway holds the embedded store", text, StringComparison.Ordinal);
        Assert.Contains("catalog: 2 updated", text, StringComparison.Ordinal);
        Assert.Contains("incremental-scan job", text, StringComparison.Ordinal);
        Assert.Contains("failed: trek/broken.jpg", text, StringComparison.Ordinal);
        Assert.Contains("2/2", text, StringComparison.Ordinal);
        var search = await _gateway.Host.Http.PostAsync("/photos/_search", new StringContent("""{"query":{"term":{"predicted_peaks":"red-peak"}}}""", System.Text.Encoding.UTF8, "application/json"));
        var hits = JsonNode.Parse(await search.Content.ReadAsStringAsync())!["hits"]!["hits"]!.AsArray();
        Assert.Equal("red.jpg", Assert.Single(hits)!["_source"]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Index_WithServer_UnknownAlbum_ReportsTheGatewaysRefusal()
    {
        var error = new StringWriter();

        var code = await IndexCommand.RunAsync("nope", full: false, rebuildCatalog: false, _gateway.Host.Address, new StringWriter(), error, Settings(), Timeout().Token);

        Assert.Equal(2, code);
        Assert.Contains("refused the incremental-scan job (400)", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("needs an [album]", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_WithServer_NothingListening_SaysSoAndFails()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var error = new StringWriter();

        var code = await IndexCommand.RunAsync("trek", false, false, new Uri($"http://127.0.0.1:{port}"), new StringWriter(), error, Settings(), Timeout().Token);

        Assert.Equal(2, code);
        Assert.Contains($"no gateway answers at http://127.0.0.1:{port}/", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _gateway.Dispose();

    private static CancellationTokenSource Timeout() => new(TimeSpan.FromMinutes(3));

    private Dictionary<string, string?> Settings() => new(_gateway.Settings);
}
