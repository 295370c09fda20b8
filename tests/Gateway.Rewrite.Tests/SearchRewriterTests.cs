namespace Gateway.Rewrite.Tests;

public sealed class SearchRewriterTests
{
    private readonly RewriterHarness _harness = new();

    [Theory]
    [InlineData("""{"query":{"match":{"title":"query_text"}}}""")]
    [InlineData("""{"knn":{"field":"clip_image","query_vector":[1,2,3],"k":3}}""")]
    [InlineData("""{"query":{"term":{"knn":{"value":"x"}}},"size":3}""")]
    [InlineData("""{"query":{"term":{"neural":{"value":"query_text"}}}}""")]
    public async Task Rewrite_LeavesPlainSearchesUnchanged(string json)
    {
        var result = await _harness.SearchAsync("photos", json);

        Assert.False(result.IsRewritten);
        Assert.Null(result.Error);
        Assert.Empty(_harness.Vectors.Calls);
    }

    [Fact]
    public async Task Rewrite_ReplacesQueryTextInKnnSection()
    {
        var body = await _harness.RewrittenAsync("photos", """{"knn":{"field":"clip_image","query_text":"red","k":5,"num_candidates":50},"_source":["path"]}""");

        var knn = body["knn"]!.AsObject();
        Assert.Equal("[1,0,0]", RewriterHarness.Compact(knn["query_vector"]));
        Assert.False(knn.ContainsKey("query_text"));
        Assert.Equal(5, knn["k"]!.GetValue<int>());
        Assert.Equal(50, knn["num_candidates"]!.GetValue<int>());
        Assert.Equal("""["path"]""", RewriterHarness.Compact(body["_source"]));
        Assert.Equal(["text:red"], _harness.Vectors.Calls);
    }

    [Fact]
    public async Task Rewrite_ReplacesEachSectionOfKnnArray()
    {
        var body = await _harness.RewrittenAsync("photos", """
            {"knn":[{"field":"clip_image","query_text":"red","k":5},
                    {"field":"clip_image","query_vector":[9,9,9],"k":5},
                    {"query_image":{"photo_id":"p1","mode":"same_peak"},"k":5}]}
            """);

        var sections = body["knn"]!.AsArray();
        Assert.Equal("[1,0,0]", RewriterHarness.Compact(sections[0]!["query_vector"]));
        Assert.Equal("[9,9,9]", RewriterHarness.Compact(sections[1]!["query_vector"]));
        Assert.Equal("[0,0,1]", RewriterHarness.Compact(sections[2]!["query_vector"]));
        Assert.Equal("clip_image", sections[2]!["field"]!.GetValue<string>());
        Assert.Equal(["text:red", "photo:photos/p1:SamePeak"], _harness.Vectors.Calls);
    }

    [Fact]
    public async Task Rewrite_ReplacesKnnQueryNestedInBool()
    {
        var body = await _harness.RewrittenAsync("photos", """
            {"query":{"bool":{"must":[{"knn":{"field":"clip_image","query_text":"flags","k":3}}],"filter":[{"term":{"album":"ebc"}}]}}}
            """);

        var knn = body["query"]!["bool"]!["must"]![0]!["knn"]!;
        Assert.Equal("[1,0,0]", RewriterHarness.Compact(knn["query_vector"]));
        Assert.Equal("""[{"term":{"album":"ebc"}}]""", RewriterHarness.Compact(body["query"]!["bool"]!["filter"]));
    }

    [Fact]
    public async Task Rewrite_ReplacesKnnRetriever()
    {
        var body = await _harness.RewrittenAsync("photos", """{"retriever":{"knn":{"field":"clip_image","query_text":"red","k":2,"num_candidates":10}}}""");

        Assert.Equal("[1,0,0]", RewriterHarness.Compact(body["retriever"]!["knn"]!["query_vector"]));
    }

    [Fact]
    public async Task Rewrite_DecodesDataUrlImage()
    {
        var dataUrl = "data:image/png;base64," + Convert.ToBase64String(new byte[300]);

        var body = await _harness.RewrittenAsync("photos", $$$"""{"knn":{"field":"clip_image","query_image":"{{{dataUrl}}}","k":1}}""");

        Assert.Equal("[0,1,0]", RewriterHarness.Compact(body["knn"]!["query_vector"]));
        Assert.Equal(["image:300:Similar"], _harness.Vectors.Calls);
    }

    [Theory]
    [InlineData("similar", "Similar")]
    [InlineData("same_peak", "SamePeak")]
    [InlineData("blend", "Blend")]
    public async Task Rewrite_PassesImageMode(string mode, string expected)
    {
        var base64 = Convert.ToBase64String(new byte[10]);

        await _harness.RewrittenAsync("photos", $$$"""{"knn":{"field":"clip_image","query_image":{"base64":"{{{base64}}}","mode":"{{{mode}}}"},"k":1}}""");

        Assert.Equal([$"image:10:{expected}"], _harness.Vectors.Calls);
    }

    [Fact]
    public async Task Rewrite_UsesPhotoIndexFromQueryImage()
    {
        await _harness.RewrittenAsync("photos", """{"knn":{"field":"clip_image","query_image":{"photo_id":"x/1","index":"photos_v2"},"k":1}}""");

        Assert.Equal(["photo:photos_v2/x/1:Similar"], _harness.Vectors.Calls);
    }

    [Fact]
    public async Task Rewrite_AnnotatesImageQueryWithIdentifiedPeaks()
    {
        var result = await _harness.SearchAsync("photos", """{"query_image":{"photo_id":"p1"},"size":3}""");

        var annotation = Assert.Single(result.Annotations);
        var query = Assert.Single(annotation!.Queries);
        Assert.Equal("photo", query.Source);
        Assert.Equal(FakeVectorSource.AmaDablam, Assert.Single(query.IdentifiedPeaks));
    }
}
