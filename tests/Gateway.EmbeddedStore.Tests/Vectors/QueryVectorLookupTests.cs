using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Vectors;

/// <summary>The lookup query_vector_builder: the query vector read from a stored document.</summary>
public sealed class QueryVectorLookupTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    public void Dispose() => _harness.Dispose();

    private async Task IndexAsync()
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","element_type":"byte","dims":3,"similarity":"l2_norm"},"name":{"type":"keyword"}}}}""");
        await _harness.OkAsync("PUT", "/v/_doc/1", """{"v":"0a141e","name":"hex"}""");
        await _harness.OkAsync("PUT", "/v/_doc/2?refresh=true", """{"v":[-10, 5, 0],"name":"array"}""");
    }

    private static string Knn(string index, string id, string path) =>
        """{"size":1,"knn":{"field":"v","k":1,"num_candidates":2,"query_vector_builder":{"lookup":{"index":"INDEX","id":"ID","path":"PATH"}}}}"""
            .Replace("INDEX", index, StringComparison.Ordinal).Replace("ID", id, StringComparison.Ordinal).Replace("PATH", path, StringComparison.Ordinal);

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task Lookup_UsesTheStoredVectorInWhateverFormItWasIndexed(string id)
    {
        await IndexAsync();

        var hit = (await _harness.OkAsync("POST", "/v/_search", Knn("v", id, "v")))["hits"]!["hits"]![0]!;

        Assert.Equal(id, hit["_id"]!.GetValue<string>());
        Assert.Equal(1f, hit["_score"]!.GetValue<float>());
    }

    [Fact]
    public async Task Lookup_WorksInsideAKnnQuery()
    {
        await IndexAsync();

        var body = """{"size":1,"query":{"bool":{"must":[{"knn":{"field":"v","num_candidates":2,"query_vector_builder":{"lookup":{"index":"v","id":"2","path":"v"}}}}]}}}""";
        var hit = (await _harness.OkAsync("POST", "/v/_search", body))["hits"]!["hits"]![0]!;

        Assert.Equal("2", hit["_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("v", "missing", "v", 404, "resource_not_found_exception")]
    [InlineData("nope", "1", "v", 404, "index_not_found_exception")]
    [InlineData("v", "1", "other", 404, "resource_not_found_exception")]
    [InlineData("v", "1", "name", 400, "illegal_argument_exception")]
    public async Task Lookup_FailuresAreElasticsearchsErrors(string index, string id, string path, int status, string type)
    {
        await IndexAsync();

        var (actual, body) = await _harness.SendAsync("POST", "/v/_search", Knn(index, id, path));

        Assert.Equal(status, actual);
        Assert.Equal(type, body!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task OtherBuilders_AreRefused()
    {
        await IndexAsync();

        var (status, body) = await _harness.SendAsync("POST", "/v/_search", """{"knn":{"field":"v","k":1,"num_candidates":2,"query_vector_builder":{"text_embedding":{"model_id":"m","model_text":"t"}}}}""");

        Assert.Equal(400, status);
        Assert.Contains("only the [lookup] builder", body!["error"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
