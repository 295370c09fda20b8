using System.Net;
using System.Text.Json.Nodes;
using Gateway.TestModels;
using Gateway.TestSupport;
using Npgsql;

namespace Gateway.Acceptance.Tests;

/// <summary>
/// The gateway service of docker-compose.yml, run here without Docker: the build output started with exactly that
/// service's environment (compose's defaults applied), except what only exists inside the compose network — the
/// Elasticsearch address (here another gateway's embedded store) and the PostgreSQL connection (here the one
/// <c>.ci/run</c> starts, in a schema of its own). Settings are bound by name and a misspelt one is silently ignored,
/// so this checks that the names the compose file sets are the names the product reads, by their effects: the upstream
/// it reaches, the job storage its jobs run in, the chunk workers its Hangfire server registers.
/// </summary>
[Collection(AcceptanceCollection.Name)]
public sealed class ComposeDeploymentTests
{
    // What the user puts in .env; the chunk workers are not the product's default (2), so that the chunk server's worker
    // count shows the setting was read.
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["ELASTIC_PASSWORD"] = "compose-test",
        ["POSTGRES_PASSWORD"] = "compose-test",
        ["GATEWAY_CHUNK_WORKERS"] = "3",
    };

    [SkippableFact]
    public async Task GatewayService_ItsEnvironmentReachesTheUpstream_AndRunsJobsOnPostgreSql()
    {
        var photos = AcceptancePaths.EbcPhotos;
        Skip.If(photos is null, "../shared/photos/ebc is not there");
        var connection = await TestPostgres.ConnectionAsync();
        Skip.If(connection.Connection is null, connection.SkipReason);

        var compose = ComposeService.Environment(Path.Combine(AcceptancePaths.RepositoryRoot, "docker-compose.yml"), "gateway", Variables);
        var schema = "compose_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await RunAsync(compose, photos!, connection.Connection!, schema);
        }
        finally
        {
            await TestPostgres.DropSchemaAsync(connection.Connection!, schema);
        }
    }

    private static async Task RunAsync(IReadOnlyDictionary<string, string> compose, string photos, string connection, string schema)
    {
        using var temp = new TempDirectory();
        var model = TestModelFactory.WriteTo(temp.Combine("model"));
        var cwd = Directory.CreateDirectory(temp.Combine("cwd")).FullName;
        var storeUrl = $"http://127.0.0.1:{ShippedGateway.FreePort()}";
        await using var elasticsearch = await ShippedGateway.RunBuildOutputAsync(cwd, temp.Combine("data-es"), model.Directory,
            new Dictionary<string, string> { ["EmbeddedStore__ListenUrl"] = storeUrl });

        var environment = compose.ToDictionary(
            e => e.Key,
            e => e.Value == "Host=postgres;Database=gateway;Username=gateway;Password=compose-test" ? connection : e.Value.Replace("http://elasticsearch:9200", storeUrl, StringComparison.Ordinal),
            StringComparer.Ordinal);
        Assert.Contains(environment, e => e.Value == storeUrl);
        Assert.Contains(environment, e => e.Value == connection);
        environment["Jobs__PostgreSqlSchema"] = schema;
        environment["Photos__Albums__0__Name"] = "ebc";
        environment["Photos__Albums__0__Root"] = photos;
        await using var gateway = await ShippedGateway.RunBuildOutputAsync(cwd, temp.Combine("data"), model.Directory, environment);

        // The upstream: the cluster the compose file names (here the embedded store standing in for it), reachable.
        var health = await gateway.GetJsonAsync("/_gateway/health");
        Assert.Equal("cluster", health["upstream"]!["mode"]!.GetValue<string>());
        Assert.Equal(storeUrl + "/", Assert.Single(health["upstream"]!["nodes"]!.AsArray())!.GetValue<string>());
        Assert.True(health["upstream"]!["reachable"]!.GetValue<bool>(), health.ToJsonString());

        // The jobs: an album scan runs, and it runs in PostgreSQL, where the chunk server registered the compose file's
        // worker count.
        await gateway.SetUpAdminAsync();
        var (status, started) = await gateway.SendJsonAsync(HttpMethod.Post, "/_gateway/jobs", new { type = "incremental-scan", album = "ebc" });
        Assert.True(status == HttpStatusCode.Accepted, started?.ToJsonString());
        var job = await gateway.WaitForJobAsync(started!["job_id"]!.GetValue<string>());
        Assert.True(job["state"]!.GetValue<string>() == "succeeded", job.ToJsonString());
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using (var jobs = new NpgsqlCommand($"SELECT count(*) FROM {schema}.job", db))
        {
            Assert.True((long)(await jobs.ExecuteScalarAsync())! >= 2, "the scan and its chunk jobs are in PostgreSQL");
        }

        await using var servers = new NpgsqlCommand($"SELECT data FROM {schema}.server", db);
        var registered = new List<string>();
        await using (var reader = await servers.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                registered.Add(reader.GetString(0));
            }
        }

        Assert.Equal("3", compose["Jobs__WorkerCount"]);
        var chunkServer = registered.Select(d => JsonNode.Parse(d)!).Single(d => d["Queues"]!.AsArray().Any(q => q!.GetValue<string>() == "chunks"));
        Assert.True(chunkServer["WorkerCount"]!.GetValue<int>() == 3, string.Join(" | ", registered));
    }
}
