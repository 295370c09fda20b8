using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Gateway.TestModels;
using Gateway.TestSupport;

namespace Gateway.Acceptance.Tests;

/// <summary>
/// Two gateway processes sharing one Hangfire storage on PostgreSQL and one upstream (the first gateway's embedded
/// store on its loopback listener): an album scan's chunks are taken by both, a gateway killed mid-scan loses nothing,
/// and a schedule fires once for the pair. PostgreSQL comes from <c>GATEWAY_TEST_POSTGRES</c> (a connection string;
/// <c>.ci/run</c> starts Debian's PostgreSQL and sets it); each run uses a schema of its own and drops it.
/// </summary>
[Collection(AcceptanceCollection.Name)]
public sealed class ScaleOutTests
{
    [SkippableFact]
    public async Task TwoGateways_ShareTheChunks_SurviveAKill_AndFireAScheduleOnce()
    {
        var photos = AcceptancePaths.EbcPhotos;
        Skip.If(photos is null, "../shared/photos/ebc is not there");
        var (connection, skipReason) = await TestPostgres.ConnectionAsync();
        Skip.If(connection is null, skipReason);

        var schema = "scaleout_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await RunAsync(photos!, connection!, schema);
        }
        finally
        {
            await TestPostgres.DropSchemaAsync(connection!, schema);
        }
    }

    private static async Task RunAsync(string photos, string connection, string schema)
    {
        using var temp = new TempDirectory();
        var model = TestModelFactory.WriteTo(temp.Combine("model"));
        var files = Directory.EnumerateFiles(photos, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".jpg" or ".jpeg" or ".heic" or ".heif" or ".png" or ".webp" && !Path.GetFileName(f).StartsWith('.'))
            .Select(f => Path.GetRelativePath(photos, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var storePort = ShippedGateway.FreePort();
        var shared = new Dictionary<string, string>
        {
            ["Jobs__Storage"] = "PostgreSql",
            ["Jobs__PostgreSqlConnection"] = connection,
            ["Jobs__PostgreSqlSchema"] = schema,

            // Several chunks of a few files each, one chunk at a time per gateway: both gateways get some.
            ["Jobs__ChunkSize"] = "3",
            ["Jobs__WorkerCount"] = "1",
            ["Jobs__InvisibilityTimeout"] = "00:00:15",
            ["Photos__Albums__0__Name"] = "ebc",
            ["Photos__Albums__0__Root"] = photos,
        };
        var first = new Dictionary<string, string>(shared) { ["EmbeddedStore__ListenUrl"] = $"http://127.0.0.1:{storePort}" };
        var second = new Dictionary<string, string>(shared)
        {
            ["Upstream__Url"] = $"http://127.0.0.1:{storePort}",
            ["Jobs__BuildCatalogWhenReady"] = "false",
        };
        var cwd = Directory.CreateDirectory(temp.Combine("cwd")).FullName;

        await using var a = await ShippedGateway.RunBuildOutputAsync(cwd, temp.Combine("data-a"), model.Directory, first);
        await a.SetUpAdminAsync();
        await a.WaitForCatalogAsync();
        var b = await ShippedGateway.RunBuildOutputAsync(cwd, temp.Combine("data-b"), model.Directory, second);
        try
        {
            // 1. One scan, its chunks spread over both gateways; the second gateway sees the job the first started.
            var scanId = await StartAsync(a, new { type = "incremental-scan", album = "ebc" });
            var scan = await WaitForJobAsync(b, scanId);
            Assert.Equal((files.Count + 2) / 3, scan["chunks"]!.GetValue<int>());
            var workers = scan["workers"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
            Assert.True(workers.Contains(a.WorkerName) && workers.Contains(b.WorkerName), $"chunks ran on [{string.Join(", ", workers)}], expected {a.WorkerName} and {b.WorkerName}: {scan.ToJsonString()}");
            await AssertEveryPhotoOnceAsync(a, files);

            // 2. A full reindex, the second gateway killed while it indexes a chunk: its chunk runs again on the first.
            var reindexId = await StartAsync(a, new { type = "full-reindex" });
            await a.WaitForAsync("a chunk of the reindex running on the second gateway", async () =>
            {
                var job = await a.GetJsonAsync("/_gateway/jobs/" + reindexId);
                return job["chunk_jobs"]!.AsArray().FirstOrDefault(c => c!["worker"]!.GetValue<string>() == b.WorkerName && c["state"]!.GetValue<string>() == "running");
            });
            await b.KillAsync();
            var reindex = await WaitForJobAsync(a, reindexId);
            Assert.Equal(files.Count, reindex["total"]!.GetValue<int>());
            await AssertEveryPhotoOnceAsync(a, files);
        }
        finally
        {
            await b.DisposeAsync();
        }

        // 3. A schedule every minute, two gateways polling it: it fires once per minute, not once per gateway.
        await using var c = await ShippedGateway.RunBuildOutputAsync(cwd, temp.Combine("data-c"), model.Directory, second);
        var (saved, body) = await a.SendJsonAsync(HttpMethod.Put, "/_gateway/schedules/every-minute", new { job = "incremental-scan", album = "ebc", cron = "* * * * *" });
        Assert.True(saved == HttpStatusCode.OK, body?.ToJsonString());
        var fired = await a.WaitForAsync("the schedule to fire", async () => (await ScheduledAsync(a)).FirstOrDefault(), minutes: 3);
        var minute = Minute(fired);

        // Both gateways look for due schedules every few seconds; half a minute later each would have fired by now.
        await Task.Delay(TimeSpan.FromSeconds(30));
        var sameMinute = (await ScheduledAsync(c)).Where(j => Minute(j) == minute).ToList();
        Assert.True(sameMinute.Count == 1, $"the schedule fired {sameMinute.Count} times in {minute:HH:mm}: {string.Join(", ", sameMinute.Select(j => j.ToJsonString()))}");
        var (deleted, _) = await a.SendJsonAsync(HttpMethod.Delete, "/_gateway/schedules/every-minute");
        Assert.Equal(HttpStatusCode.OK, deleted);
    }

    private static async Task<string> StartAsync(ShippedGateway gateway, object request)
    {
        var (status, body) = await gateway.SendJsonAsync(HttpMethod.Post, "/_gateway/jobs", request);
        Assert.True(status == HttpStatusCode.Accepted, $"starting {System.Text.Json.JsonSerializer.Serialize(request)}: {(int)status} {body?.ToJsonString()}");
        return body!["job_id"]!.GetValue<string>();
    }

    private static Task<JsonNode> WaitForJobAsync(ShippedGateway gateway, string jobId) => gateway.WaitForJobAsync(jobId);

    private static async Task<List<JsonNode>> ScheduledAsync(ShippedGateway gateway) =>
        (await gateway.GetJsonAsync("/_gateway/jobs"))["jobs"]!.AsArray()
            .Where(j => j!["schedule"]?.GetValue<string>() == "every-minute")
            .Select(j => j!)
            .ToList();

    private static DateTime Minute(JsonNode job)
    {
        var at = DateTime.Parse(job["enqueued_at"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        return new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, DateTimeKind.Utc);
    }

    /// <summary>Every photo of the album is in the alias exactly once.</summary>
    private static async Task AssertEveryPhotoOnceAsync(ShippedGateway gateway, IReadOnlyList<string> files)
    {
        var response = await gateway.SearchAsync(new { size = 1000, track_total_hits = true, _source = new[] { "path" }, query = new { term = new { album = "ebc" } } });
        var paths = response.Hits().Select(h => h!["_source"]!["path"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, paths);
    }
}
