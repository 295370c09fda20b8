using System.Text.Json.Nodes;
using Gateway.Cli;
using Gateway.TestModels;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Cli;

/// <summary><c>gateway index &lt;folder&gt;</c> on a fresh data folder, in its own process: the peak catalog index does not
/// exist yet, so the command builds it before the album (as the running gateway does at start-up) and the first photos
/// get their peaks predicted; a second run finds the catalog up to date.</summary>
public sealed class IndexCommandFirstRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Index_OnAFreshDataFolder_BuildsTheCatalogFirstSoPeaksArePredicted()
    {
        var model = TestModelFactory.WriteTo(Path.Combine(_dir.Path, "model"));
        var album = Directory.CreateDirectory(Path.Combine(_dir.Path, "Khumbu")).FullName;
        File.WriteAllBytes(Path.Combine(album, "red.jpg"), TestImages.SolidJpeg(TestColor.Named("red")));
        var catalog = Path.Combine(_dir.Path, "peaks.yaml");
        File.WriteAllText(catalog, ColourCatalog.RedAndBlue);
        var data = Path.Combine(_dir.Path, "data");
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:DataFolder"] = data,
            ["Upstream:Url"] = "embedded",
            ["EmbeddedStore:DataPath"] = Path.Combine(data, "store"),
            ["Embeddings:ModelDirectory"] = model.Directory,
            ["Embeddings:Download:AutoDownload"] = "false",
            ["Peaks:CatalogPath"] = catalog,
            ["Logging:LogLevel:Default"] = "Warning",
        };

        var first = new StringWriter();
        var firstError = new StringWriter();
        var firstCode = await IndexCommand.RunAsync(album, full: false, rebuildCatalog: false, server: null, first, firstError, settings, Timeout().Token);
        var second = new StringWriter();
        var secondCode = await IndexCommand.RunAsync("Khumbu", full: false, rebuildCatalog: false, server: null, second, new StringWriter(), settings, Timeout().Token);

        Assert.Equal(0, firstCode);
        Assert.Equal("", firstError.ToString());
        Assert.Contains("building the peak catalog first (the catalog index", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("catalog: 2 updated", first.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("empty or missing", first.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, secondCode);
        Assert.DoesNotContain("building the peak catalog", second.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 unchanged", second.ToString(), StringComparison.Ordinal);

        using var gateway = GatewayHost.Start(data, model.Directory, settings);
        var search = await gateway.Http.PostAsync("/photos/_search", new StringContent("""{"query":{"term":{"predicted_peaks":"red-peak"}}}""", System.Text.Encoding.UTF8, "application/json"));
        var hits = JsonNode.Parse(await search.Content.ReadAsStringAsync())!["hits"]!["hits"]!.AsArray();
        Assert.Equal("red.jpg", Assert.Single(hits)!["_source"]!["path"]!.GetValue<string>());
    }

    public void Dispose() => _dir.Dispose();

    private static CancellationTokenSource Timeout() => new(TimeSpan.FromMinutes(3));
}
