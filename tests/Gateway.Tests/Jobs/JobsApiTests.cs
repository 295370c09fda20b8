using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Embeddings;
using Gateway.Embeddings.Service;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Jobs;

/// <summary>The jobs API on the real host: catalog rebuild and album scan as Hangfire jobs, progress, errors, dashboard.</summary>
public sealed class JobsApiTests : IDisposable
{
    private readonly AlbumGateway _gateway = new("red", "blue");

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
        var search = await _gateway.Host.Http.PostAsync("/photos/_search", new StringContent("""{"query":{"term":{"predicted_peaks":"red-peak"}}}""", System.Text.Encoding.UTF8, "application/json"));
        var hits = JsonNode.Parse(await search.Content.ReadAsStringAsync())!["hits"]!["hits"]!.AsArray();
        Assert.Equal("red.jpg", Assert.Single(hits)!["_source"]!["path"]!.GetValue<string>());
        var list = JsonNode.Parse(await _gateway.Host.Http.GetStringAsync("/_gateway/jobs"))!;
        Assert.Equal(2, list["jobs"]!.AsArray().Count);
        Assert.Equal("trek", list["albums"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scan_WhenTheUpstreamRefuses_FailsWithOneClearMessage()
    {
        // A plain index under the alias's name: the scan cannot write behind the alias and says why.
        var created = await _gateway.Host.Http.PutAsync("/photos", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(created.IsSuccessStatusCode);

        var scanned = await WaitAsync(await StartAsync("""{"type":"incremental-scan","album":"trek"}"""));

        Assert.Equal("failed", scanned["state"]!.GetValue<string>());
        Assert.Equal("'photos' is a plain index, not an alias: run a full reindex after deleting or renaming it", scanned["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("200")]
    [InlineData("1")]
    public async Task Scan_ModelGoesAwayMidRun_FailsOnceWithTheReasonInsteadOfFailingEveryPhoto(string chunkSize)
    {
        // Text still embeds (the scan's start checks the model with one), images no longer do.
        using var gateway = new AlbumGateway(
            new Dictionary<string, string?> { ["Jobs:ChunkSize"] = chunkSize },
            services => services.AddSingleton<IEmbeddingService>(sp => new ModelThatGoesAway(sp.GetRequiredService<SiglipEmbeddingService>(), images: 0)),
            "red", "blue", "green");

        var scanned = await WaitAsync(gateway.Host, await StartAsync(gateway.Host, """{"type":"incremental-scan","album":"trek"}"""));

        // A chunk stops at its first photo and the run fails with that chunk's reason (before: "succeeded", 4 failed).
        Assert.Equal("failed", scanned["state"]!.GetValue<string>());
        Assert.Matches(@"^chunk \d+ \(job \S+\) failed on .+: the embedding model is unavailable: the model folder /models/siglip2 is gone", scanned["message"]!.GetValue<string>());
        Assert.Empty(await PathsAsync(gateway.Host));
    }

    [Fact]
    public async Task TwoHostsInOneProcess_EachRunsItsOwnJobs()
    {
        using var other = new AlbumGateway("green");

        var mine = WaitAsync(_gateway.Host, await StartAsync(_gateway.Host, """{"type":"incremental-scan","album":"trek"}"""));
        var theirs = WaitAsync(other.Host, await StartAsync(other.Host, """{"type":"incremental-scan","album":"trek"}"""));
        var (scanned, otherScanned) = (await mine, await theirs);

        Assert.Equal("succeeded", scanned["state"]!.GetValue<string>());
        Assert.Equal(3, scanned["total"]!.GetValue<int>());
        Assert.Equal("succeeded", otherScanned["state"]!.GetValue<string>());
        Assert.Equal(2, otherScanned["total"]!.GetValue<int>());
        var paths = await PathsAsync(other.Host);
        Assert.Equal(["green.jpg"], paths);
        Assert.Equal(["blue.jpg", "red.jpg"], await PathsAsync(_gateway.Host));
    }

    [Fact]
    public async Task Scan_InChunks_AddsUpTheChunksAndRecordsEachOne()
    {
        using var chunked = new AlbumGateway(new Dictionary<string, string?> { ["Jobs:ChunkSize"] = "1" }, "red", "blue");

        var scanned = await WaitAsync(chunked.Host, await StartAsync(chunked.Host, """{"type":"incremental-scan","album":"trek"}"""));

        Assert.Equal("succeeded", scanned["state"]!.GetValue<string>());
        Assert.Equal(3, scanned["total"]!.GetValue<int>());
        Assert.Equal(3, scanned["chunks"]!.GetValue<int>());
        Assert.Equal(3, scanned["chunks_done"]!.GetValue<int>());
        Assert.Equal(1, scanned["failed"]!.GetValue<int>());
        Assert.Contains(scanned["failures"]!.AsArray(), f => f!.GetValue<string>().StartsWith("trek/broken.jpg", StringComparison.Ordinal));
        var chunks = scanned["chunk_jobs"]!.AsArray();
        Assert.Equal([0, 1, 2], chunks.Select(c => c!["chunk"]!.GetValue<int>()));
        Assert.All(chunks, c => Assert.Equal("succeeded", c!["state"]!.GetValue<string>()));
        Assert.Equal(["blue.jpg", "red.jpg"], await PathsAsync(chunked.Host));
        var jobs = JsonNode.Parse(await chunked.Host.Http.GetStringAsync("/_gateway/jobs"))!["jobs"]!.AsArray();
        Assert.Single(jobs);
    }

    [Fact]
    public async Task FullReindex_InChunks_SwapsTheAliasOnceAfterTheLastChunk()
    {
        using var chunked = new AlbumGateway(new Dictionary<string, string?> { ["Jobs:ChunkSize"] = "1" }, "red", "blue");
        await WaitAsync(chunked.Host, await StartAsync(chunked.Host, """{"type":"incremental-scan","album":"trek"}"""));
        var before = JsonNode.Parse(await chunked.Host.Http.GetStringAsync("/_alias/photos"))!.AsObject().Select(p => p.Key).Single();

        var reindexed = await WaitAsync(chunked.Host, await StartAsync(chunked.Host, """{"type":"full-reindex"}"""));

        Assert.Equal("succeeded", reindexed["state"]!.GetValue<string>());
        Assert.Equal(3, reindexed["chunks"]!.GetValue<int>());
        var after = JsonNode.Parse(await chunked.Host.Http.GetStringAsync("/_alias/photos"))!.AsObject().Select(p => p.Key).Single();
        Assert.NotEqual(before, after);
        Assert.StartsWith(after, reindexed["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["blue.jpg", "red.jpg"], await PathsAsync(chunked.Host));
    }

    [Theory]
    [InlineData("""{"type":"defrag"}""", "unknown job type")]
    [InlineData("""{"type":"incremental-scan","album":"nope"}""", "needs an [album]")]
    [InlineData("""{"type":"incremental-scan"}""", "needs an [album]")]
    [InlineData("""[1]""", "must be an object")]
    [InlineData("""{"type":""", "not JSON")]
    public async Task Start_BadRequest_IsElasticsearchShaped400(string body, string reason)
    {
        var response = await _gateway.Host.Http.PostAsync("/_gateway/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, error["status"]!.GetValue<int>());
        Assert.Contains(reason, error["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(error["error"]!["root_cause"]![0]!["type"]);
    }

    [Fact]
    public async Task Get_UnknownJob_Is404AndDashboardAnswersLocally()
    {
        var missing = await _gateway.Host.Http.GetAsync("/_gateway/jobs/does-not-exist");
        var dashboard = await _gateway.Host.Http.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    public void Dispose() => _gateway.Dispose();

    private Task<string> StartAsync(string body) => StartAsync(_gateway.Host, body);

    private Task<JsonNode> WaitAsync(string jobId) => WaitAsync(_gateway.Host, jobId);

    private static async Task<string[]> PathsAsync(GatewayHost host)
    {
        var search = await host.Http.PostAsync("/photos/_search", new StringContent("""{"sort":[{"path":"asc"}]}""", System.Text.Encoding.UTF8, "application/json"));
        var hits = JsonNode.Parse(await search.Content.ReadAsStringAsync())!["hits"]!["hits"]!.AsArray();
        return [.. hits.Select(h => h!["_source"]!["path"]!.GetValue<string>())];
    }

    private static async Task<string> StartAsync(GatewayHost host, string body)
    {
        var response = await host.Http.PostAsync("/_gateway/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> WaitAsync(GatewayHost host, string jobId)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = JsonNode.Parse(await host.Http.GetStringAsync("/_gateway/jobs/" + jobId))!;
            if (job["is_active"]!.GetValue<bool>() == false)
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("job " + jobId + " did not finish");
    }
}
