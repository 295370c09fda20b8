using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>The <c>intervals</c> query through the REST API, beyond what the YAML tests check.</summary>
public sealed class IntervalsQueryTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private async Task SeedAsync()
    {
        await _harness.OkAsync("PUT", "/t", """
            {"mappings":{"properties":{
              "text":{"type":"text","fields":{"ws":{"type":"text","analyzer":"whitespace"}}},
              "tag":{"type":"keyword"}}}}
            """);
        string[] texts =
        [
            "Some like it hot, some like it cold",
            "Its cold outside, theres no kind of atmosphere",
            "Baby its cold there outside",
            "Outside it is cold and wet",
            "the big bad wolf",
            "the big wolf",
        ];
        for (var i = 0; i < texts.Length; i++)
        {
            await _harness.OkAsync("PUT", "/t/_doc/" + (i + 1), new JsonObject { ["text"] = texts[i], ["tag"] = "x" }.ToJsonString());
        }

        await _harness.OkAsync("PUT", "/t/_doc/7?refresh=true", """{"text":["quick fox","brown dog"]}""");
    }

    private async Task<JsonNode> SearchAsync(string rule, string field = "text") =>
        await _harness.OkAsync("POST", "/t/_search", "{\"query\":{\"intervals\":{\"" + field + "\":" + rule + "}}}");

    private async Task<string> IdsAsync(string rule)
    {
        var hits = (await SearchAsync(rule))["hits"]!["hits"]!.AsArray();
        return string.Join(",", hits.Select(h => h!["_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"all_of":{"intervals":[{"match":{"query":"cold"}},{"regexp":{"pattern":"out.*"}}]}}""", "2,3,4")]
    [InlineData("""{"range":{"gte":"wet","lte":"wolf"}}""", "4,5,6")]
    [InlineData("""{"range":{"gt":"wet","lt":"wolf"}}""", "")]
    [InlineData("""{"fuzzy":{"term":"cald","prefix_length":1}}""", "1,2,3,4")]
    [InlineData("""{"fuzzy":{"term":"cald","fuzziness":0}}""", "")]
    [InlineData("""{"fuzzy":{"term":"oclds","fuzziness":2,"transpositions":false}}""", "")]
    [InlineData("""{"fuzzy":{"term":"oclds","fuzziness":2}}""", "1,2,3,4")]
    [InlineData("""{"wildcard":{"pattern":"OUT*DE"}}""", "2,3,4")]
    [InlineData("""{"prefix":{"prefix":"atmo"}}""", "2")]
    [InlineData("""{"match":{"query":"Outside","use_field":"text.ws"}}""", "4")]
    [InlineData("""{"match":{"query":"OUTSIDE","analyzer":"keyword"}}""", "")]
    [InlineData("""{"match":{"query":"fox brown","ordered":true}}""", "7")]
    [InlineData("""{"match":{"query":"fox brown","ordered":true,"max_gaps":10}}""", "")]
    [InlineData("""{"match":{"query":"cold cold"}}""", "")]
    [InlineData("""{"match":{"query":"some some"}}""", "1")]
    [InlineData("""{"match":{"query":"it","filter":{"before":{"match":{"query":"cold"}}}}}""", "1,4")]
    [InlineData("""{"any_of":{"intervals":[{"match":{"query":"hot"}},{"match":{"query":"wet"}}],"filter":{"after":{"match":{"query":"cold"}}}}}""", "4")]
    [InlineData("""{"match":{"query":"..."}}""", "")]
    public async Task Rules_MatchAsElasticsearch(string rule, string expected)
    {
        await SeedAsync();

        Assert.Equal(expected, await IdsAsync(rule));
    }

    [Fact]
    public async Task Scores_AreLuceneIntervalScores()
    {
        await SeedAsync();

        var hits = (await SearchAsync("""
            {"all_of":{"ordered":true,"max_gaps":0,"intervals":[
              {"match":{"query":"the"}},{"any_of":{"intervals":[{"match":{"query":"big"}},{"match":{"query":"big bad"}}]}},{"match":{"query":"wolf"}}]},
             "boost":2}
            """))["hits"]!["hits"]!.AsArray();

        // f = 1 / max(width - minExtent + 1, 1) (minExtent 3), score = boost * f / (f + 1).
        Assert.Equal("6", hits[0]!["_id"]!.GetValue<string>());
        Assert.Equal(1f, hits[0]!["_score"]!.GetValue<float>(), 5);
        Assert.Equal("5", hits[1]!["_id"]!.GetValue<string>());
        Assert.Equal(2f * 0.5f / 1.5f, hits[1]!["_score"]!.GetValue<float>(), 5);
    }

    [Fact]
    public async Task UnmappedFieldOrUseField_MatchesNothing()
    {
        await SeedAsync();

        Assert.Empty((await SearchAsync("""{"match":{"query":"cold"}}""", "missing"))["hits"]!["hits"]!.AsArray());
        Assert.Equal(string.Empty, await IdsAsync("""{"match":{"query":"cold","use_field":"nope"}}"""));
    }

    [Theory]
    [InlineData("""{"foo":{"query":"x"}}""", "parsing_exception", "Unknown interval type [foo], expecting one of [match, any_of, all_of, prefix, wildcard, regexp, range]")]
    [InlineData("""{"match":{"query":"x"},"prefix":{"prefix":"x"}}""", "parsing_exception", "Only one interval rule can be specified, found [match] and [prefix]")]
    [InlineData("""{"boost":2}""", "parsing_exception", "Missing intervals from interval query definition")]
    [InlineData("""{"match":{"query":"x","slop":1}}""", "x_content_parse_exception", "[match] unknown field [slop]")]
    [InlineData("""{"match":{"ordered":true}}""", "illegal_argument_exception", "Required [query]")]
    [InlineData("""{"range":{"lte":"x"}}""", "illegal_argument_exception", "Either [gte] or [gt], one of them must be provided")]
    [InlineData("""{"range":{"gte":"a","gt":"b","lt":"x"}}""", "illegal_argument_exception", "Either [gte] or [gt], one of them must be provided")]
    [InlineData("""{"match":{"query":"x","filter":{"near":{"match":{"query":"y"}}}}}""", "illegal_argument_exception", "Unknown filter type [near]")]
    [InlineData("""{"fuzzy":{"term":"x","fuzziness":3}}""", "illegal_argument_exception", "Valid edit distances are [0, 1, 2] but was [3]")]
    public async Task MalformedRules_AreRefusedWithElasticsearchErrors(string rule, string type, string reason)
    {
        await SeedAsync();

        var (status, body) = await _harness.SendAsync("POST", "/t/_search", "{\"query\":{\"intervals\":{\"text\":" + rule + "}}}");

        Assert.Equal(400, status);
        Assert.Equal(type, body!["error"]!["root_cause"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["root_cause"]![0]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ScriptFilter_IsRefusedByName()
    {
        await SeedAsync();

        var (status, body) = await _harness.SendAsync("POST", "/t/_search", """{"query":{"intervals":{"text":{"match":{"query":"x","filter":{"script":{"source":"true"}}}}}}}""");

        Assert.Equal(400, status);
        Assert.Contains("[script]", body!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeywordField_IsRefusedAsInElasticsearch()
    {
        await SeedAsync();

        var (status, body) = await _harness.SendAsync("POST", "/t/_search", """{"query":{"intervals":{"tag":{"match":{"query":"x"}}}}}""");

        Assert.Equal(400, status);
        Assert.Equal("search_phase_execution_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("Can only use interval queries on text fields - not on [tag] which is of type [keyword]", body["error"]!["caused_by"]!["reason"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
