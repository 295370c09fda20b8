namespace Gateway.Rewrite.Tests;

public sealed class NeuralRewriteTests
{
    private readonly RewriterHarness _harness = new();

    [Fact]
    public async Task Rewrite_NeuralBecomesKnnQuery()
    {
        var body = await _harness.RewrittenAsync("photos", """
            {"query":{"neural":{"clip_image":{"query_text":"prayer flags","k":7,"filter":{"term":{"album":"ebc"}},"boost":2}}}}
            """);

        Assert.Equal(
            """{"query":{"knn":{"field":"clip_image","query_vector":[1,0,0],"k":7,"num_candidates":100,"filter":{"term":{"album":"ebc"}},"boost":2}}}""",
            body.ToJsonString());
    }

    [Fact]
    public async Task Rewrite_NeuralMinScoreBecomesCosineSimilarity()
    {
        var body = await _harness.RewrittenAsync("photos", """{"query":{"neural":{"clip_image":{"query_text":"red","min_score":0.75}}}}""");

        var knn = body["query"]!["knn"]!;
        Assert.Equal(0.5, knn["similarity"]!.GetValue<double>(), 6);
        Assert.Equal(10, knn["k"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rewrite_NeuralInsideBoolIsRewritten()
    {
        var body = await _harness.RewrittenAsync("photos", """
            {"query":{"bool":{"should":[{"neural":{"clip_image":{"query_image":{"photo_id":"p"},"k":3}}},{"match":{"t":"x"}}]}}}
            """);

        var should = body["query"]!["bool"]!["should"]!.AsArray();
        Assert.Equal("[0,0,1]", RewriterHarness.Compact(should[0]!["knn"]!["query_vector"]));
        Assert.Equal("""{"match":{"t":"x"}}""", RewriterHarness.Compact(should[1]));
    }

    [Fact]
    public async Task Rewrite_NeuralRejectsUnsupportedParameter()
    {
        var error = await _harness.RefusedAsync("photos", """{"query":{"neural":{"clip_image":{"query_text":"red","max_distance":3}}}}""");

        Assert.Equal(400, error.Status);
        Assert.Contains("max_distance", error.Reason, StringComparison.Ordinal);
    }
}
