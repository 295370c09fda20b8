using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Gateway.EmbeddedStore.Tests.Storage;

/// <summary>
/// The probe of issue 14 as a permanent test: the store runs in a real child process
/// (<see cref="ChildStoreProcess"/>) while several writers send <c>_bulk</c> requests of 1-200 items
/// and single-document PUTs over HTTP; it is killed with SIGKILL at a random moment, restarted, and
/// every acknowledged document must be there with its exact content, and any unacknowledged one
/// that made it must be whole. Every third round runs with a tiny snapshot threshold, so snapshots
/// (and crashes that follow them) happen mid-load; the end is a clean shutdown and one more check.
/// <c>EMBEDDED_STORE_CRASH_ROUNDS=200</c> turns it into a soak run (docs/embedded-store.md).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 4;
    private const int MinimumAcknowledgedPerRound = 300;
    private const string Index = "crash";
    private readonly string _dataPath = Directory.CreateTempSubdirectory("crash-test-").FullName;
    private readonly ConcurrentDictionary<string, int> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _sent = new(StringComparer.Ordinal);

    private static int Rounds =>
        int.TryParse(Environment.GetEnvironmentVariable("EMBEDDED_STORE_CRASH_ROUNDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rounds) && rounds > 0 ? rounds : 10;

    [Fact]
    public async Task KilledServer_KeepsEveryAcknowledgedWrite()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var settings = round % 3 == 1 ? new Dictionary<string, string> { ["TranslogSnapshotThresholdBytes"] = "65536" } : null;
            using var server = await ChildStoreProcess.StartAsync(_dataPath, settings);
            using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
            await VerifyAsync(http, "before round " + round);
            if (round == 0)
            {
                using var create = await http.PutAsync("/" + Index, Json("""{"mappings":{"properties":{"n":{"type":"integer"},"tag":{"type":"keyword"},"v":{"type":"dense_vector","dims":16}}}}"""));
                Assert.True(create.IsSuccessStatusCode, await create.Content.ReadAsStringAsync());
            }

            using var stop = new CancellationTokenSource();
            var before = _acknowledged.Count;
            var writers = Enumerable.Range(0, Writers).Select(w => WriteAsync(http, round, w, stop.Token)).ToArray();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (_acknowledged.Count < before + MinimumAcknowledgedPerRound && DateTime.UtcNow < deadline && !writers.Any(w => w.IsFaulted))
            {
                await Task.Delay(10);
            }

            await Task.Delay(Random.Shared.Next(0, 300));
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(_acknowledged.Count > before, "no write was acknowledged in round " + round);
            output.WriteLine($"round {round}: {_acknowledged.Count - before} writes acknowledged before SIGKILL{(settings is null ? "" : " (snapshots mid-load)")}");
        }

        using (var recovered = await ChildStoreProcess.StartAsync(_dataPath))
        {
            using var http = new HttpClient { BaseAddress = recovered.Address, Timeout = TimeSpan.FromSeconds(60) };
            await VerifyAsync(http, "after the last crash");
            await recovered.StopAsync();
        }

        using var last = await ChildStoreProcess.StartAsync(_dataPath);
        using var client = new HttpClient { BaseAddress = last.Address, Timeout = TimeSpan.FromSeconds(60) };
        await VerifyAsync(client, "after a clean shutdown");
    }

    private async Task WriteAsync(HttpClient http, int round, int writer, CancellationToken stop)
    {
        var random = new Random((round * 100) + writer);
        for (var request = 0; !stop.IsCancellationRequested; request++)
        {
            var size = random.Next(4) == 0 ? 0 : random.Next(1, 201);
            var docs = Enumerable.Range(0, Math.Max(size, 1)).Select(i =>
            {
                var n = (((round * 100) + writer) * 1_000_000) + (request * 1000) + i;
                return ("r" + round + "-w" + writer + "-" + n.ToString(CultureInfo.InvariantCulture), n);
            }).ToList();
            foreach (var (id, n) in docs)
            {
                _sent[id] = n;
            }

            try
            {
                if (await SendAsync(http, docs, bulk: size > 0))
                {
                    // Only a complete 2xx answer acknowledges the documents.
                    foreach (var (id, n) in docs)
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

    private static async Task<bool> SendAsync(HttpClient http, List<(string Id, int N)> docs, bool bulk)
    {
        if (!bulk)
        {
            var (id, n) = docs[0];
            using var put = await http.PutAsync("/" + Index + "/_doc/" + id, Json(Source(id, n)), CancellationToken.None);
            return put.IsSuccessStatusCode;
        }

        var body = new StringBuilder();
        foreach (var (id, n) in docs)
        {
            body.Append("{\"index\":{\"_index\":\"").Append(Index).Append("\",\"_id\":\"").Append(id).Append("\"}}\n").Append(Source(id, n)).Append('\n');
        }

        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync("/_bulk", content, CancellationToken.None);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None))!;
        return response.IsSuccessStatusCode && !json["errors"]!.GetValue<bool>();
    }

    private static string Source(string id, int n) =>
        "{\"n\":" + n.ToString(CultureInfo.InvariantCulture) + ",\"tag\":\"" + id + "\",\"v\":["
        + string.Join(',', Enumerable.Range(1, 16).Select(d => (d * 0.5).ToString(CultureInfo.InvariantCulture))) + "]}";

    private async Task VerifyAsync(HttpClient http, string when)
    {
        var lost = new List<string>();
        var found = 0;
        foreach (var chunk in _sent.Keys.Chunk(1000))
        {
            var request = new JsonObject { ["ids"] = new JsonArray(chunk.Select(id => (JsonNode)id).ToArray()) };
            using var response = await http.PostAsync("/" + Index + "/_mget?_source_exclude_vectors=false", Json(request.ToJsonString()));
            var docs = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["docs"]!.AsArray();
            foreach (var doc in docs)
            {
                var id = doc!["_id"]!.GetValue<string>();
                if (doc["found"]?.GetValue<bool>() != true)
                {
                    if (_acknowledged.ContainsKey(id))
                    {
                        lost.Add(id);
                    }

                    continue;
                }

                // Acknowledged or not, a document that is there is whole.
                found++;
                Assert.Equal(id, doc["_source"]!["tag"]!.GetValue<string>());
                Assert.Equal(_sent[id], doc["_source"]!["n"]!.GetValue<int>());
                Assert.Equal(16, doc["_source"]!["v"]!.AsArray().Count);
            }
        }

        Assert.True(lost.Count == 0, $"{when}: {lost.Count} of {_acknowledged.Count} acknowledged writes lost, e.g. {string.Join(", ", lost.Take(5))}");
        if (_sent.IsEmpty)
        {
            return;
        }

        using (await http.PostAsync("/" + Index + "/_refresh", null))
        {
        }

        var count = JsonNode.Parse(await http.GetStringAsync("/" + Index + "/_count"))!["count"]!.GetValue<long>();
        Assert.Equal(found, count);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public void Dispose() => Directory.Delete(_dataPath, recursive: true);
}
