using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class OpenCloseEndpointsTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "close-test-" + Guid.NewGuid().ToString("N"));
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private static async Task SeedAsync(StoreHarness harness)
    {
        await harness.OkAsync("PUT", "/logs-1", """{"settings":{"number_of_replicas":0}}""");
        await harness.OkAsync("PUT", "/logs-2", """{"settings":{"number_of_replicas":0,"number_of_shards":2}}""");
        await harness.OkAsync("PUT", "/logs-1/_doc/1?refresh=true", """{"msg":"one"}""");
        await harness.OkAsync("PUT", "/logs-2/_doc/1?refresh=true", """{"msg":"two"}""");
    }

    [Fact]
    public async Task Close_RefusesReadsAndWrites_ThenOpenRestoresThem()
    {
        await SeedAsync(_harness);
        var closed = await _harness.OkAsync("POST", "/logs-2/_close");

        var (search, searchError) = await _harness.SendAsync("GET", "/logs-2/_search");
        var (get, _) = await _harness.SendAsync("GET", "/logs-2/_doc/1");
        var (write, _) = await _harness.SendAsync("PUT", "/logs-2/_doc/2", """{"msg":"x"}""");
        var bulk = await _harness.OkAsync("POST", "/_bulk", "{\"index\":{\"_index\":\"logs-2\",\"_id\":\"3\"}}\n{\"msg\":\"y\"}\n");
        var wildcard = await _harness.OkAsync("GET", "/logs-*/_search");
        var lenient = await _harness.OkAsync("GET", "/logs-2/_search?ignore_unavailable=true");
        var opened = await _harness.OkAsync("POST", "/logs-2/_open");
        var after = await _harness.OkAsync("GET", "/logs-2/_search");

        Assert.Equal("""{"acknowledged":true,"shards_acknowledged":true,"indices":{"logs-2":{"closed":true}}}""", closed.ToJsonString());
        Assert.Equal(400, search);
        Assert.Equal("index_closed_exception", searchError!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("closed", searchError["error"]!["reason"]!.GetValue<string>());
        Assert.Equal("logs-2", searchError["error"]!["index"]!.GetValue<string>());
        Assert.Equal(400, get);
        Assert.Equal(400, write);
        Assert.Equal("index_closed_exception", bulk["items"]![0]!["index"]!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(1, wildcard["hits"]!["total"]!["value"]!.GetValue<int>());
        Assert.Equal(0, lenient["hits"]!["total"]!["value"]!.GetValue<int>());
        Assert.Equal("""{"acknowledged":true,"shards_acknowledged":true}""", opened.ToJsonString());
        Assert.Equal(1, after["hits"]!["total"]!["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task ClosedIndex_SeenByHealthCatAndSettings_ByExpandWildcards()
    {
        await SeedAsync(_harness);
        await _harness.OkAsync("POST", "/logs-2/_close");

        var open = await _harness.OkAsync("GET", "/_cluster/health/logs-*?level=indices&expand_wildcards=open");
        var closedOnly = await _harness.OkAsync("GET", "/_cluster/health/logs-*?level=indices&expand_wildcards=closed");
        var all = await _harness.OkAsync("GET", "/_cluster/health/logs-*?level=shards");
        var cat = await _harness.OkAsync("GET", "/_cat/indices?format=json&h=index,status");
        var settings = await _harness.OkAsync("GET", "/logs-*/_settings?flat_settings=true");
        var mappings = await _harness.OkAsync("GET", "/_mapping");

        Assert.Equal(1, open["active_shards"]!.GetValue<int>());
        Assert.Null(open["indices"]!["logs-2"]);
        Assert.Equal(2, closedOnly["indices"]!["logs-2"]!["active_shards"]!.GetValue<int>());
        Assert.Equal(3, all["active_shards"]!.GetValue<int>());
        Assert.True(all["indices"]!["logs-2"]!["shards"]!["1"]!["primary_active"]!.GetValue<bool>());
        Assert.Equal("""[{"index":"logs-1","status":"open"},{"index":"logs-2","status":"close"}]""", cat.ToJsonString());
        Assert.Equal("true", settings["logs-2"]!["settings"]!["index.verified_before_close"]!.GetValue<string>());
        Assert.Null(mappings["logs-2"]);
    }

    [Fact]
    public async Task CloseAll_IsRefusedWhileDestructiveRequiresName()
    {
        await SeedAsync(_harness);
        var (status, error) = await _harness.SendAsync("POST", "/_all/_close");
        await _harness.OkAsync("PUT", "/_cluster/settings", """{"transient":{"action.destructive_requires_name":false}}""");
        var closed = await _harness.OkAsync("POST", "/_all/_close");

        Assert.Equal(400, status);
        Assert.Equal("Wildcard expressions or all indices are not allowed", error!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(2, closed["indices"]!.AsObject().Count);
    }

    [Theory]
    [InlineData("/logs-1/_close?wait_for_active_shards=all", true)]
    [InlineData("/logs-1/_close?wait_for_active_shards=2", false)]
    public async Task Close_WaitForActiveShards_AcknowledgesWhatOneNodeHolds(string path, bool acknowledged)
    {
        await SeedAsync(_harness);
        var closed = await _harness.OkAsync("POST", path);

        Assert.Equal(acknowledged, closed["shards_acknowledged"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("/missing/_close", 404, "index_not_found_exception")]
    [InlineData("/logs-1/_close?expand_wildcards=bogus", 400, "illegal_argument_exception")]
    [InlineData("/logs-1/_open?frob=1", 400, "illegal_argument_exception")]
    [InlineData("/logs-1/_close?wait_for_active_shards=many", 400, "illegal_argument_exception")]
    public async Task OpenClose_BadRequests(string path, int status, string type)
    {
        await SeedAsync(_harness);
        var (actual, error) = await _harness.SendAsync("POST", path);

        Assert.Equal(status, actual);
        Assert.Equal(type, error!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClosedState_SurvivesRestart()
    {
        using (var first = StoreHarness.OnDisk(_data))
        {
            await SeedAsync(first);
            await first.OkAsync("POST", "/logs-1/_close");
        }

        using var second = StoreHarness.OnDisk(_data);
        var (status, _) = await second.SendAsync("GET", "/logs-1/_search");
        await second.OkAsync("POST", "/logs-1/_open");
        var reopened = await second.OkAsync("GET", "/logs-1/_count");

        Assert.Equal(400, status);
        Assert.Equal(1, reopened["count"]!.GetValue<int>());
    }

    public void Dispose()
    {
        _harness.Dispose();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
