using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.TestModels;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Jobs;

/// <summary>The jobs API on the real host: catalog rebuild and album scan as Hangfire jobs, progress, errors, dashboard.</summary>
public sealed class JobsApiTests : IDisposable
{
    private const string Catalog = """
        peaks:
          - id: red-peak
            names: {en: [Red Peak, red]}
            lat: 27.9
            lon: 86.8
            elev_m: 6000
          - id: blue-peak
            names: {en: [Blue Peak, blue]}
            lat: 27.95
            lon: 86.85
            elev_m: 6500
        """;

    private readonly TempDirectory _dir = new();
    private readonly GatewayHost _host;

    public JobsApiTests()
    {
        var model = TestModelFactory.WriteTo(Path.Combine(_dir.Path, "model"));
        var album = Directory.CreateDirectory(Path.Combine(_dir.Path, "album")).FullName;
        File.WriteAllBytes(Path.Combine(album, "red.jpg"), TestImages.SolidJpeg(TestColor.Named("red")));
        File.WriteAllBytes(Path.Combine(album, "blue.jpg"), TestImages.SolidJpeg(TestColor.Named("blue")));
        File.WriteAllBytes(Path.Combine(album, "broken.jpg"), [0xFF, 0xD8, 0xFF]);
        var catalog = Path.Combine(_dir.Path, "peaks.yaml");
        File.WriteAllText(catalog, Catalog);
        _host = GatewayHost.Start(_dir.Path, model.Directory, new Dictionary<string, string?>
        {
            ["Peaks:CatalogPath"] = catalog,
            ["Photos:Albums:0:Name"] = "trek",
            ["Photos:Albums:0:Root"] = album,
        });
    }

    [Fact]
    public async Task Jobs_RebuildThenScan_ReportProgressAndIndexPhotos()
    {
        var rebuild = await StartAsync("""{"type":"catalog-rebuild"}""");
        var rebuilt = await WaitAsync(rebuild);
        var scan = await StartAsync("""{"type":"incremental-scan","album":"trek"}""");
        var scanned = await WaitAsync(scan);

        Assert.Equal("succeeded", rebuilt["state"]!.GetValue<string>());
        Assert.Contains("2 updated", rebuilt["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("succeeded", scanned["state"]!.GetValue<string>());
        Assert.Equal(3, scanned["total"]!.GetValue<int>());
        Assert.Equal(1, scanned["failed"]!.GetValue<int>());
        Assert.Contains(scanned["failures"]!.AsArray(), f => f!.GetValue<string>().StartsWith("trek/broken.jpg", StringComparison.Ordinal));
        var search = await _host.Http.PostAsync("/photos/_search", new StringContent("""{"query":{"term":{"predicted_peaks":"red-peak"}}}""", System.Text.Encoding.UTF8, "application/json"));
        var hits = JsonNode.Parse(await search.Content.ReadAsStringAsync())!["hits"]!["hits"]!.AsArray();
        Assert.Equal("red.jpg", Assert.Single(hits)!["_source"]!["path"]!.GetValue<string>());
        var list = JsonNode.Parse(await _host.Http.GetStringAsync("/_gateway/jobs"))!;
        Assert.Equal(2, list["jobs"]!.AsArray().Count);
        Assert.Equal("trek", list["albums"]![0]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"type":"defrag"}""", "unknown job type")]
    [InlineData("""{"type":"incremental-scan","album":"nope"}""", "needs an [album]")]
    [InlineData("""{"type":"incremental-scan"}""", "needs an [album]")]
    [InlineData("""[1]""", "must be an object")]
    [InlineData("""{"type":""", "not JSON")]
    public async Task Start_BadRequest_IsElasticsearchShaped400(string body, string reason)
    {
        var response = await _host.Http.PostAsync("/_gateway/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, error["status"]!.GetValue<int>());
        Assert.Contains(reason, error["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(error["error"]!["root_cause"]![0]!["type"]);
    }

    [Fact]
    public async Task Get_UnknownJob_Is404AndDashboardAnswersLocally()
    {
        var missing = await _host.Http.GetAsync("/_gateway/jobs/does-not-exist");
        var dashboard = await _host.Http.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }

    private async Task<string> StartAsync(string body)
    {
        var response = await _host.Http.PostAsync("/_gateway/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();
    }

    private async Task<JsonNode> WaitAsync(string jobId)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = JsonNode.Parse(await _host.Http.GetStringAsync("/_gateway/jobs/" + jobId))!;
            if (job["is_active"]!.GetValue<bool>() == false)
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("job " + jobId + " did not finish");
    }
}
