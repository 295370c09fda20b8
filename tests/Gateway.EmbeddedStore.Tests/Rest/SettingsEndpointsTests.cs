using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class SettingsEndpointsTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "settings-test-" + Guid.NewGuid().ToString("N"));
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Fact]
    public async Task PutSettings_AllIndices_PreserveExisting_AndReset()
    {
        await _harness.OkAsync("PUT", "/a", """{"settings":{"number_of_replicas":0,"refresh_interval":"10s"}}""");
        await _harness.OkAsync("PUT", "/b");
        await _harness.OkAsync("PUT", "/_settings", """{"number_of_replicas":2}""");
        await _harness.OkAsync("PUT", "/a/_settings?preserve_existing=true", """{"index.number_of_replicas":5,"index.translog.durability":"async"}""");
        await _harness.OkAsync("PUT", "/a/_settings", """{"refresh_interval":null}""");
        var settings = await _harness.OkAsync("GET", "/_settings?flat_settings=true");
        var defaults = await _harness.OkAsync("GET", "/a/_settings?flat_settings=true&include_defaults=true");
        var named = await _harness.OkAsync("GET", "/a/_settings/index.number_*?flat_settings=true");

        Assert.Equal("2", settings["a"]!["settings"]!["index.number_of_replicas"]!.GetValue<string>());
        Assert.Equal("2", settings["b"]!["settings"]!["index.number_of_replicas"]!.GetValue<string>());
        Assert.Equal("async", settings["a"]!["settings"]!["index.translog.durability"]!.GetValue<string>());
        Assert.Null(settings["a"]!["settings"]!["index.refresh_interval"]);
        Assert.Equal("1s", defaults["a"]!["defaults"]!["index.refresh_interval"]!.GetValue<string>());
        Assert.Equal("""{"index.number_of_replicas":"2","index.number_of_shards":"1"}""", named["a"]!["settings"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"garbage":"garbage"}""", "unknown setting [index.garbage] please check that any required plugins are installed, or check the breaking changes documentation for removed settings")]
    [InlineData("""{"index.number_of_shards":3}""", "final index setting [index.number_of_shards], not updateable")]
    [InlineData("""{"index.uuid":"x"}""", "private index setting [index.uuid] can not be set explicitly")]
    [InlineData("""{"index.blocks.metadata":true}""", "index setting [index.blocks.metadata] is not supported by this store")]
    [InlineData("""{"index.blocks.write":"yes"}""", "Failed to parse value [yes] as only [true] or [false] are allowed.")]
    [InlineData("""{"index.auto_expand_replicas":"1"}""", "failed to parse [index.auto_expand_replicas] from value: [1] at index -1")]
    public async Task PutSettings_Refusals(string body, string reason)
    {
        await _harness.OkAsync("PUT", "/a");
        var (status, error) = await _harness.SendAsync("PUT", "/a/_settings", body);

        Assert.Equal(400, status);
        Assert.Equal(reason, error!["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutSettings_StaticSettingOnlyOnClosedIndex()
    {
        var created = await _harness.OkAsync("PUT", "/a");
        var uuid = (await _harness.OkAsync("GET", "/a/_settings?flat_settings=true"))["a"]!["settings"]!["index.uuid"]!.GetValue<string>();
        var (status, error) = await _harness.SendAsync("PUT", "/a/_settings", """{"index.codec":"best_compression"}""");
        await _harness.OkAsync("POST", "/a/_close");
        await _harness.OkAsync("PUT", "/a/_settings", """{"index.codec":"best_compression"}""");

        Assert.True(created["acknowledged"]!.GetValue<bool>());
        Assert.Equal(400, status);
        Assert.Equal("Can't update non dynamic settings [[index.codec]] for open indices [[a/" + uuid + "]]", error!["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task IndexBlocks_RefuseWritesOrReads_UntilLifted()
    {
        await _harness.OkAsync("PUT", "/a/_doc/1?refresh=true", """{"x":1}""");
        await _harness.OkAsync("PUT", "/a/_settings", """{"index.blocks.read_only":true}""");
        var (write, writeError) = await _harness.SendAsync("PUT", "/a/_doc/2", """{"x":2}""");
        var (delete, _) = await _harness.SendAsync("DELETE", "/a/_doc/1");
        var readable = await _harness.OkAsync("GET", "/a/_doc/1");
        await _harness.OkAsync("PUT", "/a/_settings", """{"index.blocks.read_only":false,"index.blocks.read_only_allow_delete":true}""");
        var (allowDelete, _) = await _harness.SendAsync("PUT", "/a/_doc/2", """{"x":2}""");
        await _harness.OkAsync("DELETE", "/a/_doc/1");
        await _harness.OkAsync("PUT", "/a/_settings", """{"index.blocks.read_only_allow_delete":null,"index.blocks.read":true}""");
        var (search, searchError) = await _harness.SendAsync("GET", "/a/_search");
        await _harness.OkAsync("PUT", "/a/_doc/3", """{"x":3}""");

        Assert.Equal(403, write);
        Assert.Equal("cluster_block_exception", writeError!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("index [a] blocked by: [FORBIDDEN/5/index read-only (api)];", writeError["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(403, delete);
        Assert.True(readable["found"]!.GetValue<bool>());
        Assert.Equal(429, allowDelete);
        Assert.Equal(403, search);
        Assert.Equal("index [a] blocked by: [FORBIDDEN/7/index read (api)];", searchError!["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task AutoExpandReplicas_MakesASingleNodeGreen()
    {
        await _harness.OkAsync("PUT", "/a", """{"settings":{"auto_expand_replicas":"0-1"}}""");
        var health = await _harness.OkAsync("GET", "/_cluster/health?wait_for_status=green");

        Assert.Equal("green", health["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClusterSettings_TransientWinsOverPersistent_ResetAndDefaults()
    {
        var put = await _harness.OkAsync("PUT", "/_cluster/settings", """{"persistent":{"search":{"max_keep_alive":"10m"}},"transient":{"search.max_keep_alive":"2m","search.default_keep_alive":"1m"}}""");
        var (tooLong, error) = await _harness.SendAsync("POST", "/_search?scroll=5m");
        await _harness.OkAsync("PUT", "/_cluster/settings", """{"transient":{"search.*":null}}""");
        var (allowed, _) = await _harness.SendAsync("POST", "/_search?scroll=5m");
        var flat = await _harness.OkAsync("GET", "/_cluster/settings?flat_settings=true&include_defaults=true");

        Assert.Equal("""{"acknowledged":true,"persistent":{"search":{"max_keep_alive":"10m"}},"transient":{"search":{"default_keep_alive":"1m","max_keep_alive":"2m"}}}""", put.ToJsonString());
        Assert.Equal(400, tooLong);
        Assert.Contains("Keep alive for request (5m) is too large", error!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, allowed);
        Assert.Equal("""{"search.max_keep_alive":"10m"}""", flat["persistent"]!.ToJsonString());
        Assert.Equal("{}", flat["transient"]!.ToJsonString());
        Assert.Equal("true", flat["defaults"]!["action.destructive_requires_name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"persistent":{"cluster.routing.allocation.enable":"none"}}""", "illegal_argument_exception", "persistent setting [cluster.routing.allocation.enable], not recognized")]
    [InlineData("""{"transient":{"action.destructive_requires_name":"maybe"}}""", "illegal_argument_exception", "Failed to parse value [maybe] as only [true] or [false] are allowed.")]
    [InlineData("""{"transient":{"search.default_keep_alive":"2h","search.max_keep_alive":"1h"}}""", "illegal_argument_exception", "Default keep alive setting for request [2h] should be smaller than max keep alive [1h], was (2h > 1h)")]
    [InlineData("""{"other":{}}""", "x_content_parse_exception", "[cluster_update_settings_request] unknown field [other]")]
    [InlineData("""{}""", "action_request_validation_exception", "Validation Failed: 1: no settings to update;")]
    public async Task ClusterSettings_Refusals(string body, string type, string reason)
    {
        var (status, error) = await _harness.SendAsync("PUT", "/_cluster/settings", body);
        var after = await _harness.OkAsync("GET", "/_cluster/settings");

        Assert.Equal(400, status);
        Assert.Equal(type, error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, error["error"]!["reason"]!.GetValue<string>());
        Assert.Equal("""{"persistent":{},"transient":{}}""", after.ToJsonString());
    }

    [Fact]
    public async Task ClusterSettings_PersistentSurvivesRestart_TransientDoesNot()
    {
        using (var first = StoreHarness.OnDisk(_data))
        {
            await first.OkAsync("PUT", "/_cluster/settings", """{"persistent":{"action.destructive_requires_name":false},"transient":{"search.max_keep_alive":"1h"}}""");
            first.Store.Snapshot();
            await first.OkAsync("PUT", "/_cluster/settings", """{"persistent":{"search.max_keep_alive":"3h"}}""");
        }

        using var second = StoreHarness.OnDisk(_data);
        var settings = await second.OkAsync("GET", "/_cluster/settings?flat_settings=true");

        Assert.Equal("""{"action.destructive_requires_name":"false","search.max_keep_alive":"3h"}""", settings["persistent"]!.ToJsonString());
        Assert.Equal("{}", settings["transient"]!.ToJsonString());
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
