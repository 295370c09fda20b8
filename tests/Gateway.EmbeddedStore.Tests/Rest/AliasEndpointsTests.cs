using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class AliasEndpointsTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Fact]
    public async Task Aliases_AtomicSwap_MovesReadsAndWrites()
    {
        await _harness.OkAsync("PUT", "/v1", """{"aliases":{"photos":{}}}""");
        await _harness.OkAsync("PUT", "/photos/_doc/1?refresh=true", """{"v":1}""");
        await _harness.OkAsync("PUT", "/v2");
        var swap = await _harness.OkAsync("POST", "/_aliases", """
            {"actions":[{"remove":{"index":"v1","alias":"photos"}},{"add":{"index":"v2","alias":"photos"}}]}
            """);
        await _harness.OkAsync("PUT", "/photos/_doc/2?refresh=true", """{"v":2}""");

        Assert.True(swap["acknowledged"]!.GetValue<bool>());
        Assert.True(_harness.Store.Catalog.Find("v1")!.Documents.ContainsKey("1"));
        Assert.True(_harness.Store.Catalog.Find("v2")!.Documents.ContainsKey("2"));
        Assert.Equal(404, (await _harness.SendAsync("GET", "/photos/_doc/1")).Status);
        Assert.Equal(200, (await _harness.SendAsync("GET", "/photos/_doc/2")).Status);
    }

    [Fact]
    public async Task Aliases_FailedAction_ChangesNothing()
    {
        await _harness.OkAsync("PUT", "/v1");
        var (status, body) = await _harness.SendAsync("POST", "/_aliases", """
            {"actions":[{"add":{"index":"v1","alias":"a"}},{"remove":{"index":"v1","alias":"never"}}]}
            """);

        Assert.Equal(404, status);
        Assert.Equal("aliases_not_found_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Empty(_harness.Store.Catalog.Find("v1")!.Aliases);
    }

    [Fact]
    public async Task WriteAlias_OverSeveralIndices_NeedsWriteIndex()
    {
        await _harness.OkAsync("PUT", "/w1", """{"aliases":{"w":{}}}""");
        await _harness.OkAsync("PUT", "/w2", """{"aliases":{"w":{}}}""");
        var (status, body) = await _harness.SendAsync("PUT", "/w/_doc/1", """{"a":1}""");
        await _harness.OkAsync("POST", "/_aliases", """{"actions":[{"add":{"index":"w2","alias":"w","is_write_index":true}}]}""");
        var written = await _harness.OkAsync("PUT", "/w/_doc/1", """{"a":1}""");

        Assert.Equal(400, status);
        Assert.StartsWith("no write index is defined for alias [w]", body!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("w2", written["_index"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetAlias_AllForms()
    {
        await _harness.OkAsync("PUT", "/i1", """{"aliases":{"x":{"filter":{"term":{"k":"a"}}}}}""");
        await _harness.OkAsync("PUT", "/i2");
        var all = await _harness.OkAsync("GET", "/_alias");
        var byName = await _harness.OkAsync("GET", "/_alias/x");
        var byIndex = await _harness.OkAsync("GET", "/i1/_alias/x");
        var (missing, missingBody) = await _harness.SendAsync("GET", "/_alias/nope");

        Assert.NotNull(all["i2"]!["aliases"]);
        Assert.Equal("a", byName["i1"]!["aliases"]!["x"]!["filter"]!["term"]!["k"]!.GetValue<string>());
        Assert.Null(byName["i2"]);
        Assert.NotNull(byIndex["i1"]!["aliases"]!["x"]);
        Assert.Equal(404, missing);
        Assert.Equal("alias [nope] missing", missingBody!["error"]!.GetValue<string>());
        Assert.Equal(200, (await _harness.SendAsync("HEAD", "/_alias/x")).Status);
        Assert.Equal(404, (await _harness.SendAsync("HEAD", "/_alias/nope")).Status);
    }

    [Fact]
    public async Task FilteredAlias_FiltersSearches()
    {
        await _harness.OkAsync("PUT", "/f", """{"mappings":{"properties":{"k":{"type":"keyword"}}},"aliases":{"only_a":{"filter":{"term":{"k":"a"}}}}}""");
        await _harness.OkAsync("PUT", "/f/_doc/1", """{"k":"a"}""");
        await _harness.OkAsync("PUT", "/f/_doc/2?refresh=true", """{"k":"b"}""");
        var filtered = await _harness.OkAsync("GET", "/only_a/_count");
        var direct = await _harness.OkAsync("GET", "/f/_count");

        Assert.Equal(1, filtered["count"]!.GetValue<long>());
        Assert.Equal(2, direct["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task RemoveIndex_DeletesIndexAtomically()
    {
        await _harness.OkAsync("PUT", "/old");
        await _harness.OkAsync("PUT", "/new");
        await _harness.OkAsync("POST", "/_aliases", """{"actions":[{"add":{"index":"new","alias":"old_alias"}},{"remove_index":{"index":"old"}}]}""");

        Assert.Null(_harness.Store.Catalog.Find("old"));
        Assert.True(_harness.Store.Catalog.Find("new")!.Aliases.ContainsKey("old_alias"));
    }

    [Fact]
    public async Task PutAndDeleteAlias_ByPath()
    {
        await _harness.OkAsync("PUT", "/p");
        await _harness.OkAsync("PUT", "/p/_alias/pa");
        Assert.Equal(200, (await _harness.SendAsync("HEAD", "/p/_alias/pa")).Status);
        await _harness.OkAsync("DELETE", "/p/_alias/pa");
        var (status, body) = await _harness.SendAsync("DELETE", "/p/_alias/pa");

        Assert.Equal(404, status);
        Assert.Equal("aliases_not_found_exception", body!["error"]!["type"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
