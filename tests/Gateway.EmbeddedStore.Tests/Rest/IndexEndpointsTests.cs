using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class IndexEndpointsTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Fact]
    public async Task Create_WithSettingsMappingsAliases_ThenGet()
    {
        var created = await _harness.OkAsync("PUT", "/photos-v1", """
            {"settings":{"number_of_replicas":0,"index":{"refresh_interval":"5s"}},
             "mappings":{"properties":{"path":{"type":"keyword"}}},
             "aliases":{"photos":{"is_write_index":true}}}
            """);
        var got = await _harness.OkAsync("GET", "/photos-v1");

        Assert.True(created["acknowledged"]!.GetValue<bool>());
        Assert.True(created["shards_acknowledged"]!.GetValue<bool>());
        Assert.Equal("photos-v1", created["index"]!.GetValue<string>());
        var index = got["photos-v1"]!;
        Assert.Equal("0", index["settings"]!["index"]!["number_of_replicas"]!.GetValue<string>());
        Assert.Equal("5s", index["settings"]!["index"]!["refresh_interval"]!.GetValue<string>());
        Assert.Equal("1", index["settings"]!["index"]!["number_of_shards"]!.GetValue<string>());
        Assert.Equal("keyword", index["mappings"]!["properties"]!["path"]!["type"]!.GetValue<string>());
        Assert.True(index["aliases"]!["photos"]!["is_write_index"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Flush_AnswersShardCountsForIndexAndAll()
    {
        await _harness.OkAsync("PUT", "/photos-v1", """{"settings":{"number_of_replicas":0}}""");
        var one = await _harness.OkAsync("POST", "/photos-v1/_flush");
        var all = await _harness.OkAsync("GET", "/_flush");
        var (status, _) = await _harness.SendAsync("POST", "/missing/_flush");
        var merged = await _harness.OkAsync("POST", "/photos-v1/_forcemerge?max_num_segments=1");

        Assert.Equal("""{"total":1,"successful":1,"failed":0}""", one["_shards"]!.ToJsonString());
        Assert.Equal(1, all["_shards"]!["successful"]!.GetValue<int>());
        Assert.Equal(404, status);
        Assert.Equal(1, merged["_shards"]!["successful"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_Twice_IsResourceAlreadyExists()
    {
        await _harness.OkAsync("PUT", "/dup");
        var (status, body) = await _harness.SendAsync("PUT", "/dup");

        Assert.Equal(400, status);
        Assert.Equal("resource_already_exists_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.StartsWith("index [dup/", body["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Upper", "Invalid index name [Upper], must be lowercase")]
    [InlineData("_under", "Invalid index name [_under], must not start with '_', '-', or '+'")]
    public async Task Create_InvalidName_IsInvalidIndexName(string name, string reason)
    {
        var (status, body) = await _harness.SendAsync("PUT", "/" + name);

        Assert.Equal(400, status);
        Assert.Equal("invalid_index_name_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_ListsAndWildcards()
    {
        foreach (var name in new[] { "a1", "a2", "b1", "c1" })
        {
            await _harness.OkAsync("PUT", "/" + name);
        }

        await _harness.OkAsync("DELETE", "/a*");
        await _harness.OkAsync("DELETE", "/b1,c1");
        var (missing, body) = await _harness.SendAsync("DELETE", "/zzz");

        Assert.Empty(_harness.Store.Catalog.All);
        Assert.Equal(404, missing);
        Assert.Equal("index_not_found_exception", body!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Exists_IsHead200Or404()
    {
        await _harness.OkAsync("PUT", "/here");

        Assert.Equal(200, (await _harness.SendAsync("HEAD", "/here")).Status);
        Assert.Equal(404, (await _harness.SendAsync("HEAD", "/gone")).Status);
    }

    [Fact]
    public async Task RefreshIntervalMinusOne_HidesDocsUntilRefresh()
    {
        await _harness.OkAsync("PUT", "/nrt", """{"settings":{"index.refresh_interval":-1}}""");
        await _harness.OkAsync("PUT", "/nrt/_doc/1", """{"a":1}""");
        var before = await _harness.OkAsync("GET", "/nrt/_count");
        var realtime = await _harness.OkAsync("GET", "/nrt/_doc/1");
        var refresh = await _harness.OkAsync("POST", "/nrt/_refresh");
        var after = await _harness.OkAsync("GET", "/nrt/_count");

        Assert.Equal(0, before["count"]!.GetValue<long>());
        Assert.True(realtime["found"]!.GetValue<bool>());
        Assert.Equal(1, refresh["_shards"]!["successful"]!.GetValue<int>());
        Assert.Equal(1, after["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task RefreshInterval_RefreshesAutomatically()
    {
        await _harness.OkAsync("PUT", "/auto", """{"settings":{"index.refresh_interval":"100ms"}}""");
        await _harness.OkAsync("PUT", "/auto/_doc/1", """{"a":1}""");
        long count = 0;
        for (var i = 0; i < 50 && count == 0; i++)
        {
            await Task.Delay(100);
            count = (await _harness.OkAsync("GET", "/auto/_count"))["count"]!.GetValue<long>();
        }

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Search_ResolvesListsWildcardsAndMissingIndices()
    {
        await _harness.OkAsync("PUT", "/s1/_doc/1?refresh=true", """{"a":1}""");
        await _harness.OkAsync("PUT", "/s2/_doc/1?refresh=true", """{"a":1}""");
        var all = await _harness.OkAsync("GET", "/_search");
        var wildcard = await _harness.OkAsync("POST", "/s*/_search", """{"query":{"match_all":{}}}""");
        var (missing, error) = await _harness.SendAsync("GET", "/s1,nope/_search");
        var ignored = await _harness.OkAsync("GET", "/s1,nope/_search?ignore_unavailable=true");
        var (noIndices, _) = await _harness.SendAsync("GET", "/zz*/_search?allow_no_indices=false");

        Assert.Equal(2, all["hits"]!["total"]!["value"]!.GetValue<long>());
        Assert.Equal(2, wildcard["hits"]!["hits"]!.AsArray().Count);
        Assert.Equal(404, missing);
        Assert.Equal("index_not_found_exception", error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(1, ignored["hits"]!["total"]!["value"]!.GetValue<long>());
        Assert.Equal(404, noIndices);
    }

    [Fact]
    public async Task Msearch_ReportsPerLineErrors()
    {
        await _harness.OkAsync("PUT", "/m1/_doc/1?refresh=true", """{"a":1}""");
        var body = await _harness.OkAsync("POST", "/_msearch", """
            {"index":"m1"}
            {"query":{"match_all":{}}}
            {"index":"missing"}
            {"query":{"match_all":{}}}

            """);

        var responses = body["responses"]!.AsArray();
        Assert.Equal(200, responses[0]!["status"]!.GetValue<int>());
        Assert.Equal(1, responses[0]!["hits"]!["total"]!["value"]!.GetValue<long>());
        Assert.Equal(404, responses[1]!["status"]!.GetValue<int>());
        Assert.Equal("index_not_found_exception", responses[1]!["error"]!["type"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
