namespace Gateway.Rewrite.Tests;

public sealed class ShorthandRewriteTests
{
    private readonly RewriterHarness _harness = new();

    [Fact]
    public async Task Rewrite_ShorthandBecomesKnnOnIndexVectorField()
    {
        var body = await _harness.RewrittenAsync("photos", """{"query_text":"ama dablam","size":20,"_source":false}""");

        Assert.Equal(
            """{"size":20,"_source":false,"knn":{"field":"clip_image","query_vector":[1,0,0],"k":20,"num_candidates":200}}""",
            body.ToJsonString());
    }

    [Theory]
    [InlineData("""{"bool":{"filter":[{"term":{"a":1}},{"range":{"t":{"gte":2}}}]}}""", """[{"term":{"a":1}},{"range":{"t":{"gte":2}}}]""")]
    [InlineData("""{"bool":{"filter":{"term":{"a":1}}}}""", """[{"term":{"a":1}}]""")]
    [InlineData("""{"bool":{"must":[{"match":{"title":"x"}}],"filter":[{"term":{"a":1}}]}}""", """[{"term":{"a":1}},{"match":{"title":"x"}}]""")]
    [InlineData("""{"bool":{"must_not":[{"term":{"a":1}}]}}""", """[{"bool":{"must_not":[{"term":{"a":1}}]}}]""")]
    [InlineData("""{"bool":{"should":[{"term":{"a":1}},{"term":{"a":2}}]}}""", """[{"bool":{"should":[{"term":{"a":1}},{"term":{"a":2}}],"minimum_should_match":1}}]""")]
    [InlineData("""{"bool":{"filter":[{"term":{"a":1}}],"should":[{"term":{"b":2}}]}}""", """[{"term":{"a":1}}]""")]
    [InlineData("""{"bool":{"filter":[{"term":{"a":1}}],"should":[{"term":{"b":2}}],"minimum_should_match":"1"}}""", """[{"term":{"a":1}},{"bool":{"should":[{"term":{"b":2}}],"minimum_should_match":"1"}}]""")]
    [InlineData("""{"geo_distance":{"distance":"5km","gps":{"lat":27.9,"lon":86.8}}}""", """[{"geo_distance":{"distance":"5km","gps":{"lat":27.9,"lon":86.8}}}]""")]
    public async Task Rewrite_MovesFiltersIntoKnn(string query, string expectedFilter)
    {
        var body = await _harness.RewrittenAsync("photos", $$$"""{"query_text":"red","query":{{{query}}},"size":5}""");

        Assert.False(body.ContainsKey("query"));
        Assert.Equal(expectedFilter, RewriterHarness.Compact(body["knn"]!["filter"]));
    }

    [Fact]
    public async Task Rewrite_MatchAllAddsNoFilter()
    {
        var body = await _harness.RewrittenAsync("photos", """{"query_text":"red","query":{"match_all":{}}}""");

        Assert.Null(body["knn"]!["filter"]);
        Assert.Equal(10, body["knn"]!["k"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"size":10,"from":20}""", 30, 300)]
    [InlineData("""{"size":0}""", 1, 100)]
    [InlineData("""{"size":3}""", 3, 100)]
    [InlineData("""{"size":5,"k":7,"num_candidates":9}""", 7, 9)]
    [InlineData("""{"size":2000}""", 2000, 10000)]
    public async Task Rewrite_ChoosesKAndNumCandidates(string paging, int k, int numCandidates)
    {
        var json = paging.Insert(1, "\"query_text\":\"red\",");

        var knn = (await _harness.RewrittenAsync("photos", json))["knn"]!;

        Assert.Equal(k, knn["k"]!.GetValue<int>());
        Assert.Equal(numCandidates, knn["num_candidates"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rewrite_ShorthandHonoursExplicitField()
    {
        var body = await _harness.RewrittenAsync("multi", """{"query_text":"red","field":"b_vec"}""");

        Assert.Equal("b_vec", body["knn"]!["field"]!.GetValue<string>());
        Assert.False(body.ContainsKey("field"));
    }

    [Theory]
    [InlineData("photos,photos_v2")]
    [InlineData("album_alias")]
    public async Task Rewrite_ShorthandResolvesIndexListsAndAliases(string index)
    {
        var body = await _harness.RewrittenAsync(index, """{"query_text":"red"}""");

        Assert.Equal("clip_image", body["knn"]!["field"]!.GetValue<string>());
    }
}
