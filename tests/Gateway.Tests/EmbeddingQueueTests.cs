using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.TestModels;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests;

/// <summary>
/// The real host with a slow text model (each inference runs extra matrix products) and the smallest queue
/// (one request waiting, batches of one), in front of a recording upstream: what a full queue answers, what
/// reaches the upstream, and what <c>/_gateway/health</c> reports meanwhile.
/// </summary>
public sealed class EmbeddingQueueTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private RecordingUpstream _upstream = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await RecordingUpstream.StartAsync();
        var defaultHandler = _upstream.Handler;
        _upstream.Handler = context => context.Request.Path.Value!.EndsWith("/_mapping", StringComparison.Ordinal)
            ? context.Response.WriteAsJsonAsync(JsonNode.Parse("""{"photos_v1":{"mappings":{"properties":{"clip_image":{"type":"dense_vector","dims":32}}}}}"""))
            : defaultHandler(context);
        var model = TestModelFactory.WriteTo(Path.Combine(_temp.Path, "model"), slowTextMatMuls: 1600);
        _gateway = GatewayHost.Start(_temp.Path, model.Directory, new Dictionary<string, string?>
        {
            ["Upstream:Url"] = _upstream.Address.ToString(),
            ["Embeddings:QueueLimit"] = "1",
            ["Embeddings:MaxBatch"] = "1",
            ["Embeddings:BatchWindowMs"] = "0",
            ["Embeddings:IntraOpThreads"] = "1",
            ["Embeddings:RetryAfterSeconds"] = "7",
            ["Embeddings:TextCacheSize"] = "0",
        });
        await WaitForHealthAsync(h => h["model"]!["state"]!.GetValue<string>() == "ready" && InFlight(h) == 0);
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _upstream.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Search_QueueFullIs429WithRetryAfterAndNothingHalfRewrittenIsForwarded()
    {
        // Four searches at once, each a prompt ensemble of three texts, against one slot in the queue.
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            _gateway.Http.PostAsync("/photos/_search", EsRequests.Json(new JsonObject { ["query_text"] = $"glacier number {i}", ["size"] = 3 }.ToJsonString()))));

        var refused = responses.Where(r => (int)r.StatusCode == 429).ToList();
        Assert.True(refused.Count > 0, string.Join(" | ", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"))));
        foreach (var response in refused)
        {
            var error = await ErrorTests.AssertErrorAsync(response, 429, "es_rejected_execution_exception");
            Assert.Contains("queue", error["error"]!["reason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("7", response.Headers.GetValues("Retry-After").Single());
            Assert.Equal("Elasticsearch", response.Headers.GetValues("X-elastic-product").Single());
        }

        Assert.All(responses.Except(refused), r => Assert.Equal(200, (int)r.StatusCode));
        var searches = _upstream.Requests.Where(r => r.PathAndQuery.StartsWith("/photos/_search", StringComparison.Ordinal)).ToList();
        Assert.Equal(responses.Length - refused.Count, searches.Count);
        Assert.All(searches, s =>
        {
            var body = JsonNode.Parse(Encoding.UTF8.GetString(s.Body))!;
            Assert.Null(body["query_text"]);
            Assert.NotNull(body["knn"]!["query_vector"]);
        });
    }

    [Fact]
    public async Task Health_ReportsTheLiveQueueDepth()
    {
        var idle = await HealthAsync();
        Assert.Equal(0, idle["queue"]!["waiting"]!.GetValue<int>());
        Assert.Equal(1, idle["queue"]!["limit"]!.GetValue<int>());

        var first = _gateway.Http.PostAsync("/_gateway/embed", EsRequests.Json("""{"text":"first slow text","raw":true}"""));
        await WaitForHealthAsync(h => h["queue"]!["text"]!["in_batch"]!.GetValue<int>() == 1);

        // Two more: one waits behind the running one (the other is refused), even if the first finishes meanwhile.
        var more = new[] { "second slow text", "third slow text" }
            .Select(t => _gateway.Http.PostAsync("/_gateway/embed", EsRequests.Json(new JsonObject { ["text"] = t, ["raw"] = true }.ToJsonString())))
            .ToList();
        var busy = await WaitForHealthAsync(h => h["queue"]!["text"]!["waiting"]!.GetValue<int>() == 1);

        Assert.Equal(1, busy["queue"]!["waiting"]!.GetValue<int>());
        Assert.True(InFlight(busy) >= 2, busy.ToJsonString());
        Assert.Equal(200, (int)(await first).StatusCode);
        Assert.All(await Task.WhenAll(more), r => Assert.True((int)r.StatusCode is 200 or 429, r.StatusCode.ToString()));
        var after = await WaitForHealthAsync(h => InFlight(h) == 0);
        Assert.Equal(0, after["queue"]!["text"]!["in_batch"]!.GetValue<int>());
    }

    private static int InFlight(JsonNode health) => health["queue"]!["in_flight"]!.GetValue<int>();

    private async Task<JsonNode> HealthAsync()
    {
        var response = await _gateway.Http.GetAsync("/_gateway/health");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<JsonNode> WaitForHealthAsync(Func<JsonNode, bool> condition)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var health = await HealthAsync();
            if (condition(health))
            {
                return health;
            }

            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60), "health never reached the expected state: " + health.ToJsonString());
            await Task.Delay(20);
        }
    }
}
