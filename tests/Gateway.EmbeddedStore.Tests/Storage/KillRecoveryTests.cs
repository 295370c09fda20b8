using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Gateway.EmbeddedStore.Tests.Storage;

/// <summary>
/// Starts the store in a real child process, bulk-loads it from several writers, kills it with
/// SIGKILL mid-load, restarts it, and checks that every acknowledged document is there with its
/// exact content. Repeated over several rounds on the same data folder.
/// </summary>
public sealed class KillRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 5;
    private const int Writers = 3;
    private const int BatchSize = 40;
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "kill-test-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, int> _acknowledged = new(StringComparer.Ordinal);

    [Fact]
    public async Task KilledProcess_KeepsEveryAcknowledgedDocument()
    {
        for (var round = 0; round < Rounds; round++)
        {
            using var server = await ChildStoreProcess.StartAsync(_dataPath);
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
            await VerifyAsync(http);
            using (var create = await http.PutAsync("/kill", Json("""{"mappings":{"properties":{"n":{"type":"integer"},"tag":{"type":"keyword"},"v":{"type":"dense_vector","dims":16}}}}""")))
            {
                Assert.True(create.IsSuccessStatusCode || round > 0, await create.Content.ReadAsStringAsync());
            }

            using var stop = new CancellationTokenSource();
            var before = _acknowledged.Count;
            var writers = Enumerable.Range(0, Writers).Select(w => WriteAsync(http, round, w, stop.Token)).ToArray();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (_acknowledged.Count < before + (BatchSize * 3) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            await Task.Delay(Random.Shared.Next(50, 400));
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(_acknowledged.Count > before, "no write was acknowledged in round " + round);
            output.WriteLine($"round {round}: {_acknowledged.Count - before} documents acknowledged before SIGKILL");
        }

        using var last = await ChildStoreProcess.StartAsync(_dataPath);
        using var client = new HttpClient { BaseAddress = last.Address, Timeout = TimeSpan.FromSeconds(60) };
        await VerifyAsync(client);
    }

    private async Task WriteAsync(HttpClient http, int round, int writer, CancellationToken stop)
    {
        for (var batch = 0; !stop.IsCancellationRequested; batch++)
        {
            var ids = new List<(string Id, int N)>();
            var body = new StringBuilder();
            for (var i = 0; i < BatchSize; i++)
            {
                var n = (((round * 100) + writer) * 100000) + (batch * BatchSize) + i;
                var id = "r" + round + "-w" + writer + "-" + n.ToString(CultureInfo.InvariantCulture);
                ids.Add((id, n));
                body.Append("{\"index\":{\"_index\":\"kill\",\"_id\":\"").Append(id).Append("\"}}\n")
                    .Append("{\"n\":").Append(n).Append(",\"tag\":\"").Append(id).Append("\",\"v\":[")
                    .AppendJoin(',', Enumerable.Range(1, 16).Select(d => (d * 0.5).ToString(CultureInfo.InvariantCulture)))
                    .Append("]}\n");
            }

            try
            {
                using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
                using var response = await http.PostAsync("/_bulk", content, CancellationToken.None);
                var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None))!;
                if (response.IsSuccessStatusCode && !json["errors"]!.GetValue<bool>())
                {
                    // Only a complete 2xx answer acknowledges the documents.
                    foreach (var (id, n) in ids)
                    {
                        _acknowledged[id] = n;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException)
            {
                return;
            }
        }
    }

    private async Task VerifyAsync(HttpClient http)
    {
        foreach (var chunk in _acknowledged.Chunk(500))
        {
            var request = new JsonObject { ["ids"] = new JsonArray(chunk.Select(c => (JsonNode)c.Key).ToArray()) };
            using var response = await http.PostAsync("/kill/_mget?_source_exclude_vectors=false", Json(request.ToJsonString()));
            var docs = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["docs"]!.AsArray();
            foreach (var doc in docs)
            {
                var id = doc!["_id"]!.GetValue<string>();
                Assert.True(doc["found"]?.GetValue<bool>() == true, "acknowledged document lost: " + id);
                Assert.Equal(id, doc["_source"]!["tag"]!.GetValue<string>());
                Assert.Equal(_acknowledged[id], doc["_source"]!["n"]!.GetValue<int>());
                Assert.Equal(16, doc["_source"]!["v"]!.AsArray().Count);
            }
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public void Dispose()
    {
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}
