using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

/// <summary>Elasticsearch 9.2's <c>index.mapping.exclude_source_vectors</c>, as the store reports 9.2.</summary>
public sealed class SourceVectorsTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public SourceVectorsTests()
    {
        _store.OkAsync("PUT", "/v", """{"mappings":{"properties":{"name":{"type":"keyword"},"emb":{"type":"dense_vector","dims":3}}}}""").GetAwaiter().GetResult();
        _store.OkAsync("PUT", "/v/_doc/1?refresh=true", """{"name":"a","emb":[1,2,3]}""").GetAwaiter().GetResult();
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task NewIndices_LeaveVectorsOutOfSearchGetAndMgetUnlessAsked()
    {
        var search = await _store.OkAsync("POST", "/v/_search", "{}");
        var searchWith = await _store.OkAsync("POST", "/v/_search", """{"_source":{"exclude_vectors":false}}""");
        var searchUrl = await _store.OkAsync("POST", "/v/_search?_source_exclude_vectors=false", "{}");
        var get = await _store.OkAsync("GET", "/v/_doc/1");
        var getWith = await _store.OkAsync("GET", "/v/_doc/1?_source_exclude_vectors=false");
        var mgetWith = await _store.OkAsync("POST", "/v/_mget?_source_exclude_vectors=false", """{"ids":["1"]}""");

        Assert.Null(search["hits"]!["hits"]![0]!["_source"]!["emb"]);
        Assert.Equal("a", search["hits"]!["hits"]![0]!["_source"]!["name"]!.GetValue<string>());
        Assert.Equal(3, searchWith["hits"]!["hits"]![0]!["_source"]!["emb"]!.AsArray().Count);
        Assert.NotNull(searchUrl["hits"]!["hits"]![0]!["_source"]!["emb"]);
        Assert.Null(get["_source"]!["emb"]);
        Assert.NotNull(getWith["_source"]!["emb"]);
        Assert.NotNull(mgetWith["docs"]![0]!["_source"]!["emb"]);
    }

    [Fact]
    public async Task SettingFalse_KeepsVectorsAndItIsReportedAs92()
    {
        await _store.OkAsync("PUT", "/keep", """{"settings":{"index.mapping.exclude_source_vectors":false},"mappings":{"properties":{"emb":{"type":"dense_vector","dims":3}}}}""");
        await _store.OkAsync("PUT", "/keep/_doc/1?refresh=true", """{"emb":[1,2,3]}""");

        var search = await _store.OkAsync("POST", "/keep/_search", "{}");
        var root = await _store.OkAsync("GET", "/");

        Assert.NotNull(search["hits"]!["hits"]![0]!["_source"]!["emb"]);
        Assert.Equal("9.2.0", root["version"]!["number"]!.GetValue<string>());
    }
}
