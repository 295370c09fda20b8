namespace Gateway.Rewrite.Tests;

public sealed class PeakInFrameFilterTests
{
    private const string AmaSouthWest = """
        {"nested":{"path":"peaks_in_frame","query":{"bool":{"filter":[{"term":{"peaks_in_frame.id":"ama_dablam"}},{"range":{"peaks_in_frame.distance_km":{"lte":15}}},{"range":{"peaks_in_frame.bearing_from_peak_deg":{"gte":180,"lte":270}}}]}}}}
        """;

    private readonly RewriterHarness _harness = new();

    [Fact]
    public async Task Rewrite_ShorthandMovesViewpointIntoKnnFilter()
    {
        var body = await _harness.RewrittenAsync("photos", """
            {"query_text":"red","peak_in_frame":{"id":"ama_dablam","max_km":15,"from_bearing":[180,270]},"query":{"term":{"album":"a"}}}
            """);

        var filters = body["knn"]!["filter"]!.AsArray();
        Assert.Equal(2, filters.Count);
        Assert.Equal("""{"term":{"album":"a"}}""", RewriterHarness.Compact(filters[0]));
        Assert.Equal(AmaSouthWest.Trim(), RewriterHarness.Compact(filters[1]));
        Assert.False(body.ContainsKey("peak_in_frame"));
    }

    [Fact]
    public async Task Rewrite_WithoutQueryText_FiltersTheQueryAndRootKnn()
    {
        var body = await _harness.RewrittenAsync("photos", """
            {"query":{"match":{"title":"flags"}},"knn":{"field":"clip_image","query_vector":[1,0,0],"k":3,"filter":{"term":{"album":"a"}}},"peak_in_frame":{"id":"ama_dablam","max_km":15,"from_bearing":[180,270]}}
            """);

        Assert.Equal("""{"bool":{"filter":[""" + AmaSouthWest.Trim() + """],"must":{"match":{"title":"flags"}}}}""", RewriterHarness.Compact(body["query"]));
        Assert.Equal("""[{"term":{"album":"a"}},""" + AmaSouthWest.Trim() + "]", RewriterHarness.Compact(body["knn"]!["filter"]));
        Assert.Empty(_harness.Vectors.Calls);
    }

    [Fact]
    public async Task Rewrite_BearingRangeThroughNorthBecomesTwoRanges()
    {
        var body = await _harness.RewrittenAsync("photos", """{"peak_in_frame":[{"id":"everest","from_bearing":[300,30]},{"id":"ama_dablam","min_km":2}]}""");

        var filters = body["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal(2, filters.Count);
        Assert.Equal(
            """{"bool":{"should":[{"range":{"peaks_in_frame.bearing_from_peak_deg":{"gte":300,"lte":360}}},{"range":{"peaks_in_frame.bearing_from_peak_deg":{"gte":0,"lte":30}}}],"minimum_should_match":1}}""",
            RewriterHarness.Compact(filters[0]!["nested"]!["query"]!["bool"]!["filter"]![1]));
        Assert.Equal("""{"range":{"peaks_in_frame.distance_km":{"gte":2}}}""", RewriterHarness.Compact(filters[1]!["nested"]!["query"]!["bool"]!["filter"]![1]));
    }

    [Theory]
    [InlineData("""{"id":"nowhere"}""", "[peak_in_frame.id] unknown peak [nowhere]")]
    [InlineData("""{"max_km":3}""", "[peak_in_frame.id]")]
    [InlineData("""{"id":"everest","max_km":0}""", "[peak_in_frame.max_km] must be greater than 0")]
    [InlineData("""{"id":"everest","max_km":-2}""", "[peak_in_frame.max_km]")]
    [InlineData("""{"id":"everest","max_km":"far"}""", "[peak_in_frame.max_km]")]
    [InlineData("""{"id":"everest","min_km":9,"max_km":3}""", "[peak_in_frame.min_km]")]
    [InlineData("""{"id":"everest","from_bearing":[180,361]}""", "[peak_in_frame.from_bearing]")]
    [InlineData("""{"id":"everest","from_bearing":[-10,90]}""", "[peak_in_frame.from_bearing]")]
    [InlineData("""{"id":"everest","from_bearing":180}""", "[peak_in_frame.from_bearing]")]
    [InlineData("""{"id":"everest","side":"south"}""", "unknown field [side]")]
    [InlineData("""[]""", "[peak_in_frame]")]
    [InlineData(""" "everest" """, "[peak_in_frame]")]
    public async Task Rewrite_BadViewpointIs400NamingTheField(string spec, string reason)
    {
        var error = await _harness.RefusedAsync("photos", $$$"""{"query_text":"red","peak_in_frame":{{{spec}}}}""");

        Assert.Equal(400, error.Status);
        Assert.Equal("illegal_argument_exception", error.Type);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }
}
