using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Vectors;

/// <summary>The dense_vector query: exact scores over every document with a vector, with an optional similarity override.</summary>
public sealed class DenseVectorQueryTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    public void Dispose() => _harness.Dispose();

    private async Task IndexAsync()
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","dims":2,"similarity":"cosine"},"u":{"type":"dense_vector","dims":2,"index":false},"b":{"type":"dense_vector","element_type":"bit","dims":8}}}}""");
        await _harness.OkAsync("PUT", "/v/_doc/1", """{"v":[3, 4],"u":[3, 4],"b":[1]}""");
        await _harness.OkAsync("PUT", "/v/_doc/2", """{"v":[4, 3],"u":[4, 3]}""");
        await _harness.OkAsync("PUT", "/v/_doc/3?refresh=true", """{"other":1}""");
    }

    [Fact]
    public async Task MatchesEveryDocumentWithAVector_ScoredWithTheFieldsSimilarity()
    {
        await IndexAsync();

        var hits = (await _harness.OkAsync("POST", "/v/_search", """{"query":{"dense_vector":{"field":"v","query_vector":[3, 4]}}}"""))["hits"]!;

        Assert.Equal(2, hits["total"]!["value"]!.GetValue<int>());
        Assert.Equal("1", hits["hits"]![0]!["_id"]!.GetValue<string>());
        Assert.Equal(1f, hits["hits"]![0]!["_score"]!.GetValue<float>(), 5);
        Assert.Equal((1f + (24f / 25f)) / 2f, hits["hits"]![1]!["_score"]!.GetValue<float>(), 5);
    }

    [Fact]
    public async Task SimilarityFunction_OverridesTheScoreOnTheOriginalVectors()
    {
        await IndexAsync();

        var l2 = (await _harness.OkAsync("POST", "/v/_search", """{"query":{"dense_vector":{"field":"v","query_vector":[3, 5],"similarity_function":"l2_norm"}}}"""))["hits"]!["hits"]![0]!;
        var unindexed = (await _harness.OkAsync("POST", "/v/_search", """{"query":{"dense_vector":{"field":"u","query_vector":[3, 4]}}}"""))["hits"]!["hits"]![0]!;
        var quantized = (await _harness.OkAsync("POST", "/v/_search", """{"query":{"dense_vector":{"field":"v","query_vector":[3, 4],"quantized":true}}}"""))["hits"]!["hits"]![0]!;

        Assert.Equal(0.5f, l2["_score"]!.GetValue<float>(), 6); // 1 / (1 + distance²), distance to [3, 4] is 1
        Assert.Equal(1f, unindexed["_score"]!.GetValue<float>(), 5); // cosine by default on a field without similarity
        Assert.Equal(1f, quantized["_score"]!.GetValue<float>(), 5);
    }

    [Theory]
    [InlineData("""{"field":"v","query_vector":[3, 4],"similarity_function":"l2_norm","quantized":true}""")]
    [InlineData("""{"field":"b","query_vector":[1],"similarity_function":"cosine"}""")]
    [InlineData("""{"field":"v","query_vector":[3, 4],"similarity_function":"hamming"}""")]
    [InlineData("""{"field":"v","query_vector":[3, 4, 5]}""")]
    [InlineData("""{"field":"v"}""")]
    [InlineData("""{"field":"v","query_vector":[3, 4],"k":3}""")]
    public async Task BadQueries_AreBadRequests(string body)
    {
        await IndexAsync();

        var (status, _) = await _harness.SendAsync("POST", "/v/_search", """{"query":{"dense_vector":""" + body + "}}");

        Assert.Equal(400, status);
    }
}
