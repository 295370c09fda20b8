using System.Text;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class ScrollAndPointInTimeTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly StoreHarness _store;

    public ScrollAndPointInTimeTests() => _store = StoreHarness.InMemory(new EmbeddedStoreOptions { MaxOpenScrollContexts = 2 }, _time);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Scroll_PagesEveryDocumentOnceFromTheSnapshotItOpenedOn()
    {
        await SeedAsync(25);
        var first = await _store.OkAsync("POST", "/docs/_search?scroll=1m&size=10", """{"sort":["n"]}""");
        var id = first["_scroll_id"]!.GetValue<string>();
        await _store.OkAsync("PUT", "/docs/_doc/late?refresh=true", """{"n":100}""");

        var seen = Ids(first);
        while (true)
        {
            var page = await _store.OkAsync("POST", "/_search/scroll", new JsonObject { ["scroll_id"] = id, ["scroll"] = "1m" }.ToJsonString());
            Assert.Equal(25, page["hits"]!["total"]!["value"]!.GetValue<int>());
            if (page["hits"]!["hits"]!.AsArray().Count == 0)
            {
                break;
            }

            seen.AddRange(Ids(page));
        }

        Assert.Equal(Enumerable.Range(0, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), seen);
        Assert.Null(first["aggregations"]);
    }

    [Fact]
    public async Task Scroll_ExpiresOnTheStoreClockAndClearedIdsAre404()
    {
        await SeedAsync(3);
        var a = (await _store.OkAsync("POST", "/docs/_search?scroll=30s&size=1"))["_scroll_id"]!.GetValue<string>();
        var b = (await _store.OkAsync("POST", "/docs/_search?scroll=5m&size=1"))["_scroll_id"]!.GetValue<string>();

        _time.Advance(TimeSpan.FromSeconds(31));
        var expired = await _store.SendAsync("GET", "/_search/scroll/" + a);
        var alive = await _store.SendAsync("GET", "/_search/scroll/" + b + "?scroll=5m");
        var cleared = await _store.SendAsync("DELETE", "/_search/scroll/" + b);
        var again = await _store.SendAsync("DELETE", "/_search/scroll", new JsonObject { ["scroll_id"] = new JsonArray(b) }.ToJsonString());
        var garbage = await _store.SendAsync("GET", "/_search/scroll/not-an-id");

        Assert.Equal(404, expired.Status);
        Assert.Equal("search_context_missing_exception", expired.Body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(200, alive.Status);
        Assert.Equal((200, 1), (cleared.Status, cleared.Body!["num_freed"]!.GetValue<int>()));
        Assert.Equal((404, 0), (again.Status, again.Body!["num_freed"]!.GetValue<int>()));
        Assert.Equal(400, garbage.Status);
    }

    [Fact]
    public async Task Scroll_LimitOfOpenContextsIs429UntilOneIsCleared()
    {
        await SeedAsync(3);
        await _store.OkAsync("POST", "/docs/_search?scroll=1m&size=1");
        await _store.OkAsync("POST", "/docs/_search?scroll=1m&size=1");

        var refused = await _store.SendAsync("POST", "/docs/_search?scroll=1m&size=1");
        var all = await _store.OkAsync("DELETE", "/_search/scroll/_all");
        var afterClear = await _store.SendAsync("POST", "/docs/_search?scroll=1m&size=1");

        Assert.Equal(429, refused.Status);
        Assert.Equal("too_many_scroll_contexts_exception", refused.Body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(2, all["num_freed"]!.GetValue<int>());
        Assert.Equal(200, afterClear.Status);
    }

    [Theory]
    [InlineData("/docs/_search?scroll=1m&from=5", null, "using [from] is not allowed in a scroll context")]
    [InlineData("/docs/_search?scroll=1m", """{"size":0}""", "[size] cannot be [0] in a scroll context")]
    [InlineData("/docs/_search?scroll=25h", null, "Keep alive for request (25h) is too large")]
    [InlineData("/docs/_search?scroll=1m", """{"slice":{"id":0,"max":2}}""", "[slice]")]
    public async Task Scroll_RefusesWhatElasticsearchRefuses(string path, string? body, string reason)
    {
        await SeedAsync(3);

        var (status, json) = await _store.SendAsync("POST", path, body);

        Assert.Equal(400, status);
        Assert.Contains(reason, json!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PointInTime_SeesTheDataAsOpenedAndPagesWithTheShardDocTiebreak()
    {
        await SeedAsync(6);
        var pit = (await _store.OkAsync("POST", "/docs/_pit?keep_alive=1m"))["id"]!.GetValue<string>();
        await _store.OkAsync("DELETE", "/docs/_doc/0?refresh=true");
        await _store.OkAsync("PUT", "/docs/_doc/new?refresh=true", """{"n":1,"even":true}""");

        var ids = new List<string>();
        JsonNode? after = null;
        while (true)
        {
            var body = new JsonObject
            {
                ["size"] = 4,
                ["sort"] = new JsonArray(new JsonObject { ["even"] = "desc" }),
                ["pit"] = new JsonObject { ["id"] = pit, ["keep_alive"] = "1m" },
            };
            if (after is not null)
            {
                body["search_after"] = after.DeepClone();
            }

            var page = await _store.OkAsync("POST", "/_search", body.ToJsonString());
            Assert.Equal(pit, page["pit_id"]!.GetValue<string>());
            Assert.Equal(6, page["hits"]!["total"]!["value"]!.GetValue<int>());
            var hits = page["hits"]!["hits"]!.AsArray();
            if (hits.Count == 0)
            {
                break;
            }

            Assert.All(hits, h => Assert.Equal(2, h!["sort"]!.AsArray().Count));
            ids.AddRange(hits.Select(h => h!["_id"]!.GetValue<string>()));
            after = hits[^1]!["sort"];
        }

        Assert.Equal(["0", "2", "4", "1", "3", "5"], ids);
        var closed = await _store.SendAsync("DELETE", "/_pit", new JsonObject { ["id"] = pit }.ToJsonString());
        var gone = await _store.SendAsync("POST", "/_search", new JsonObject { ["pit"] = new JsonObject { ["id"] = pit } }.ToJsonString());
        Assert.Equal(200, closed.Status);
        Assert.Equal(404, gone.Status);
    }

    [Fact]
    public async Task PointInTime_ExpiresAndRefusesAnIndexInThePath()
    {
        await SeedAsync(2);
        var pit = (await _store.OkAsync("POST", "/docs/_pit?keep_alive=10s"))["id"]!.GetValue<string>();
        var body = new JsonObject { ["pit"] = new JsonObject { ["id"] = pit } }.ToJsonString();

        var withIndex = await _store.SendAsync("POST", "/docs/_search", body);
        _time.Advance(TimeSpan.FromSeconds(11));
        var expired = await _store.SendAsync("POST", "/_search", body);
        var noKeepAlive = await _store.SendAsync("POST", "/docs/_pit");

        Assert.Equal(400, withIndex.Status);
        Assert.Contains("[indices] cannot be used with point in time", withIndex.Body!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(404, expired.Status);
        Assert.Equal(400, noKeepAlive.Status);
    }

    private static List<string> Ids(JsonNode page) => page["hits"]!["hits"]!.AsArray().Select(h => h!["_id"]!.GetValue<string>()).ToList();

    private async Task SeedAsync(int count)
    {
        var bulk = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            bulk.Append("{\"index\":{\"_index\":\"docs\",\"_id\":\"").Append(i).Append("\"}}\n{\"n\":").Append(i).Append(",\"even\":").Append(i % 2 == 0 ? "true" : "false").Append("}\n");
        }

        var (status, json) = await _store.SendAsync("POST", "/_bulk?refresh=true", bulk.ToString(), "application/x-ndjson");
        Assert.Equal(200, status);
        Assert.False(json!["errors"]!.GetValue<bool>());
    }
}
