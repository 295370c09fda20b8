using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class ExplainEndpointTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private async Task SeedAsync()
    {
        await _harness.OkAsync("PUT", "/books", """
            {"mappings":{"properties":{"title":{"type":"text"},"tag":{"type":"keyword"},"year":{"type":"integer"}}},
             "aliases":{"red":{"filter":{"term":{"tag":"red"}}}}}
            """);
        await _harness.OkAsync("PUT", "/books/_doc/1", """{"title":"the quick fox","tag":"red","year":2001}""");
        await _harness.OkAsync("PUT", "/books/_doc/2", """{"title":"a lazy dog","tag":"blue","year":2002}""");
        await _harness.OkAsync("PUT", "/books/_doc/3?refresh=true", """{"title":"quick quick brown","tag":"red","year":2003}""");
    }

    [Fact]
    public async Task Explain_TermScore_EqualsSearchScoreWithBm25Details()
    {
        await SeedAsync();
        const string query = """{"query":{"match":{"title":"quick"}}}""";
        var search = await _harness.OkAsync("POST", "/books/_search", query);
        var hit = search["hits"]!["hits"]!.AsArray().Single(h => h!["_id"]!.GetValue<string>() == "3")!;

        var explained = await _harness.OkAsync("POST", "/books/_explain/3", query);

        Assert.True(explained["matched"]!.GetValue<bool>());
        Assert.Equal("books", explained["_index"]!.GetValue<string>());
        Assert.Equal(hit["_score"]!.GetValue<float>(), explained["explanation"]!["value"]!.GetValue<float>());
        Assert.StartsWith("weight(title:quick in ", explained["explanation"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var score = explained["explanation"]!["details"]![0]!;
        Assert.Equal("score(freq=2.0), computed as boost * idf * tf from:", score["description"]!.GetValue<string>());
        Assert.Equal(2.2f, score["details"]![0]!["value"]!.GetValue<float>(), 5);
        Assert.Equal(2, score["details"]![1]!["details"]![0]!["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task Explain_BoolSumsClausesAndReportsFailedRequiredClause()
    {
        await SeedAsync();
        const string query = """{"query":{"bool":{"must":[{"match":{"title":"quick"}}],"should":[{"term":{"tag":"red"}}],"filter":[{"range":{"year":{"gte":2000}}}]}}}""";
        var search = await _harness.OkAsync("POST", "/books/_search", query);
        var hit = search["hits"]!["hits"]!.AsArray().Single(h => h!["_id"]!.GetValue<string>() == "1")!;

        var matched = await _harness.OkAsync("POST", "/books/_explain/1", query);
        var missed = await _harness.OkAsync("POST", "/books/_explain/2", query);

        Assert.Equal("sum of:", matched["explanation"]!["description"]!.GetValue<string>());
        Assert.Equal(hit["_score"]!.GetValue<float>(), matched["explanation"]!["value"]!.GetValue<float>());
        Assert.Equal(2, matched["explanation"]!["details"]!.AsArray().Count);
        Assert.False(missed["matched"]!.GetValue<bool>());
        Assert.Equal(0, missed["explanation"]!["value"]!.GetValue<float>());
        Assert.Equal("Failure to meet condition(s) of required/prohibited clause(s)", missed["explanation"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explain_ConstantScoreAndMatchAllBoosts()
    {
        await SeedAsync();
        var constant = await _harness.OkAsync("GET", "/books/_explain/1", """{"query":{"constant_score":{"filter":{"term":{"tag":"red"}},"boost":3}}}""");
        var all = await _harness.OkAsync("GET", "/books/_explain/1", """{"query":{"match_all":{"boost":2}}}""");

        Assert.Equal(3, constant["explanation"]!["value"]!.GetValue<float>());
        Assert.EndsWith("^3.0", constant["explanation"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, all["explanation"]!["value"]!.GetValue<float>());
        Assert.Equal("*:*^2.0", all["explanation"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explain_ThroughFilteredAlias_AppliesTheFilter()
    {
        await SeedAsync();
        var red = await _harness.OkAsync("GET", "/red/_explain/1", """{"query":{"match_all":{}}}""");
        var blue = await _harness.OkAsync("GET", "/red/_explain/2", """{"query":{"match_all":{}}}""");

        Assert.True(red["matched"]!.GetValue<bool>());
        Assert.Equal(1, red["explanation"]!["value"]!.GetValue<float>());
        Assert.Equal("books", red["_index"]!.GetValue<string>());
        Assert.False(blue["matched"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Explain_MissingDocument_Is404WithoutExplanation()
    {
        await SeedAsync();
        var (status, body) = await _harness.SendAsync("GET", "/books/_explain/nope", """{"query":{"match_all":{}}}""");
        var (missingIndex, error) = await _harness.SendAsync("GET", "/nothing/_explain/1", """{"query":{"match_all":{}}}""");

        Assert.Equal(404, status);
        Assert.False(body!["matched"]!.GetValue<bool>());
        Assert.Null(body["explanation"]);
        Assert.Equal(404, missingIndex);
        Assert.Equal("index_not_found_exception", error!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explain_QueryString_WithDefaultFieldOperatorAndWildcard()
    {
        await SeedAsync();
        Assert.True((await _harness.OkAsync("GET", "/books/_explain/1?q=fox&df=title"))["matched"]!.GetValue<bool>());
        Assert.True((await _harness.OkAsync("GET", "/books/_explain/1?q=title:fox%20title:cat"))["matched"]!.GetValue<bool>());
        Assert.False((await _harness.OkAsync("GET", "/books/_explain/1?q=title:fox%20title:cat&default_operator=AND"))["matched"]!.GetValue<bool>());
        Assert.True((await _harness.OkAsync("GET", "/books/_explain/1?q=title:QUI*"))["matched"]!.GetValue<bool>());
        Assert.False((await _harness.OkAsync("GET", "/books/_explain/2?q=title:QUI*"))["matched"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"match_all":{}}""", "", "parsing_exception", "request does not support [match_all]")]
    [InlineData(null, "", "action_request_validation_exception", "Validation Failed: 1: query is missing;")]
    [InlineData(null, "?q=fox&analyzer=standard", "illegal_argument_exception", "URL parameter [analyzer] is not supported by this store")]
    [InlineData(null, "?q=fox&default_operator=xor", "illegal_argument_exception", "operator needs to be either [OR, AND], but not [xor]")]
    [InlineData("""{"query":{"match_all":{}}}""", "?frobnicate=1", "illegal_argument_exception", "request [/books/_explain/1] contains unrecognized parameter: [frobnicate]")]
    public async Task Explain_BadRequests_AreRefusedLikeElasticsearch(string? body, string query, string type, string reason)
    {
        await SeedAsync();
        var (status, error) = await _harness.SendAsync("POST", "/books/_explain/1" + query, body);

        Assert.Equal(400, status);
        Assert.Equal(type, error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, error["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explain_SourceFiltering_AddsGetSection()
    {
        await SeedAsync();
        var plain = await _harness.OkAsync("GET", "/books/_explain/1", """{"query":{"match_all":{}}}""");
        var filtered = await _harness.OkAsync("GET", "/books/_explain/1?_source_includes=title", """{"query":{"match_all":{}}}""");
        var off = await _harness.OkAsync("GET", "/books/_explain/1?_source=false", """{"query":{"match_all":{}}}""");

        Assert.Null(plain["get"]);
        Assert.Equal("""{"title":"the quick fox"}""", filtered["get"]!["_source"]!.ToJsonString());
        Assert.True(filtered["get"]!["found"]!.GetValue<bool>());
        Assert.Null(filtered["get"]!["_version"]);
        Assert.Null(off["get"]);
    }

    [Fact]
    public async Task SearchWithExplain_AddsExplanationShardAndNodeToHits()
    {
        await SeedAsync();
        var result = await _harness.OkAsync("POST", "/books/_search", """{"explain":true,"query":{"match":{"title":"quick"}}}""");
        var viaUrl = await _harness.OkAsync("POST", "/books/_search?explain=true", """{"query":{"match_all":{"boost":2}}}""");

        foreach (var hit in result["hits"]!["hits"]!.AsArray())
        {
            Assert.Equal(hit!["_score"]!.GetValue<float>(), hit["_explanation"]!["value"]!.GetValue<float>());
            Assert.Equal("[books][0]", hit["_shard"]!.GetValue<string>());
            Assert.NotNull(hit["_node"]);
        }

        Assert.Equal("*:*^2.0", viaUrl["hits"]!["hits"]![0]!["_explanation"]!["description"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
