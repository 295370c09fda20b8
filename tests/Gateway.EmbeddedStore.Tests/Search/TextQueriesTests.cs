using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary><c>match_bool_prefix</c>, <c>multi_match</c> of type <c>bool_prefix</c>, fuzziness and <c>combined_fields</c>.</summary>
public sealed class TextQueriesTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private async Task SeedAsync()
    {
        await _harness.OkAsync("PUT", "/t", """{"mappings":{"properties":{"f1":{"type":"text"},"f2":{"type":"text"},"tag":{"type":"keyword"},"n":{"type":"long"}}}}""");
        await _harness.OkAsync("PUT", "/t/_doc/1", """{"f1":"brown fox jump","f2":"xylophone","tag":"abc-def","n":1}""");
        await _harness.OkAsync("PUT", "/t/_doc/2", """{"f1":"brown emu jump","f2":"xylophone","tag":"xyz"}""");
        await _harness.OkAsync("PUT", "/t/_doc/3", """{"f1":"jumparound","f2":"emu"}""");
        await _harness.OkAsync("PUT", "/t/_doc/4?refresh=true", """{"f1":"dog","f2":"brown fox jump lazy"}""");
    }

    private async Task<JsonArray> HitsAsync(string query) =>
        (await _harness.OkAsync("POST", "/t/_search", "{\"query\":" + query + "}"))["hits"]!["hits"]!.AsArray();

    private async Task<string> IdsAsync(string query) =>
        string.Join(",", (await HitsAsync(query)).Select(h => h!["_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("""{"match_bool_prefix":{"tag":"abc"}}""", "1")]
    [InlineData("""{"match_bool_prefix":{"n":1}}""", "1")]
    [InlineData("""{"match_bool_prefix":{"f1":{"query":"brown ju","operator":"and"}}}""", "1,2")]
    [InlineData("""{"match_bool_prefix":{"f1":{"query":"brwn ju","fuzziness":"AUTO","minimum_should_match":"100%"}}}""", "1,2")]
    [InlineData("""{"match_bool_prefix":{"f1":{"query":"brwn ju","minimum_should_match":2}}}""", "")]
    [InlineData("""{"match":{"f1":{"query":"jmup","fuzziness":"AUTO"}}}""", "1,2")]
    [InlineData("""{"match":{"f1":{"query":"jmup","fuzziness":"AUTO","fuzzy_transpositions":false}}}""", "")]
    [InlineData("""{"match":{"f1":{"query":"jmup","fuzziness":"AUTO:5,8"}}}""", "")]
    [InlineData("""{"match":{"f1":{"query":"bump","fuzziness":1,"prefix_length":1}}}""", "")]
    [InlineData("""{"multi_match":{"query":"xylophne","fields":["f1","f2"],"fuzziness":1}}""", "1,2")]
    [InlineData("""{"multi_match":{"query":"BROWN","fields":["f1"],"analyzer":"whitespace"}}""", "")]
    [InlineData("""{"multi_match":{"query":"emu ju","type":"bool_prefix","fields":["f*"],"operator":"and"}}""", "2")]
    public async Task Queries_MatchAsElasticsearch(string query, string expected)
    {
        await SeedAsync();

        Assert.Equal(expected, await IdsAsync(query));
    }

    [Fact]
    public async Task BoolPrefix_LastTermIsAConstantScorePrefix()
    {
        await SeedAsync();

        var hits = await HitsAsync("""{"match_bool_prefix":{"f1":{"query":"jumpa","boost":3}}}""");

        Assert.Equal("3", Assert.Single(hits)!["_id"]!.GetValue<string>());
        Assert.Equal(3f, hits[0]!["_score"]!.GetValue<float>(), 5);
    }

    [Fact]
    public async Task FuzzyRewriteConstantScore_ScoresEachFuzzyTermOne()
    {
        await SeedAsync();

        var hits = await HitsAsync("""{"match_bool_prefix":{"f2":{"query":"xylophoen zzz","fuzziness":1,"fuzzy_rewrite":"constant_score"}}}""");

        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(1f, h!["_score"]!.GetValue<float>(), 5));
    }

    [Fact]
    public async Task CombinedFieldsOverOneField_ScoresAsMatch()
    {
        await SeedAsync();

        var combined = await HitsAsync("""{"combined_fields":{"query":"brown jump","fields":["f1"]}}""");
        var match = await HitsAsync("""{"match":{"f1":"brown jump"}}""");

        Assert.Equal(match.Select(h => h!["_id"]!.GetValue<string>()), combined.Select(h => h!["_id"]!.GetValue<string>()));
        Assert.Equal(match.Select(h => h!["_score"]!.GetValue<float>()), combined.Select(h => h!["_score"]!.GetValue<float>()));
    }

    [Fact]
    public async Task CombinedFields_TreatsTheFieldsAsOne()
    {
        await SeedAsync();

        Assert.Equal("4", await IdsAsync("""{"combined_fields":{"query":"dog lazy","fields":["f1","f2^2"],"operator":"and"}}"""));
        Assert.Equal("1,2,4", await IdsAsync("""{"combined_fields":{"query":"brown","fields":["f*"]}}"""));
        Assert.Equal("1,2,3,4", await IdsAsync("""{"combined_fields":{"query":"...","fields":["f1"],"zero_terms_query":"all"}}"""));
    }

    [Theory]
    [InlineData("""{"match_bool_prefix":{"f1":{"query":"x","operator":"xor"}}}""", "illegal_argument_exception", "operator needs to be either [OR, AND], but not [xor]")]
    [InlineData("""{"match_bool_prefix":{"f1":{"query":"x","max_expansions":0}}}""", "illegal_argument_exception", "[match_bool_prefix] requires max expansions to be positive.")]
    [InlineData("""{"match_bool_prefix":{"f1":{"query":"x","prefix_length":-1}}}""", "illegal_argument_exception", "[match_bool_prefix] requires prefix length to be non-negative.")]
    [InlineData("""{"match_bool_prefix":{"f1":{"query":"x","fuzziness":1,"fuzzy_rewrite":"bogus"}}}""", "illegal_argument_exception", "Failed to parse rewrite_method [bogus]")]
    [InlineData("""{"match_bool_prefix":{"f1":{"query":"x","slop":1}}}""", "parsing_exception", "[match_bool_prefix] query does not support [slop]")]
    [InlineData("""{"match":{"f1":{"query":"x","fuzziness":"lots"}}}""", "parse_exception", "Invalid fuzziness value: [lots]")]
    [InlineData("""{"multi_match":{"query":"x","type":"bool_prefix","fields":["f1"],"slop":1}}""", "parsing_exception", "[slop] not allowed for type [bool_prefix]")]
    [InlineData("""{"multi_match":{"query":"x","type":"bool_prefix","fields":["f1"],"cutoff_frequency":0.1}}""", "parsing_exception", "[cutoff_frequency] not allowed for type [bool_prefix]")]
    [InlineData("""{"combined_fields":{"query":"x","fields":["f1"],"foo":1}}""", "x_content_parse_exception", "[combined_fields] unknown field [foo]")]
    [InlineData("""{"combined_fields":{"fields":["f1"]}}""", "illegal_argument_exception", "Required [query]")]
    public async Task BadOptions_AreRefusedWithElasticsearchErrors(string query, string type, string reason)
    {
        await SeedAsync();

        var (status, body) = await _harness.SendAsync("POST", "/t/_search", "{\"query\":" + query + "}");

        Assert.Equal(400, status);
        Assert.Equal(type, body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"combined_fields":{"query":"x","fields":["f1","n"]}}""", "Field [n] of type [long] does not support [combined_fields] queries")]
    [InlineData("""{"combined_fields":{"query":"x","fields":["f1^0.5"]}}""", "[combined_fields] requires field boosts to be >= 1.0")]
    public async Task CombinedFieldsBadFields_FailTheShards(string query, string reason)
    {
        await SeedAsync();

        var (status, body) = await _harness.SendAsync("POST", "/t/_search", "{\"query\":" + query + "}");

        Assert.Equal(400, status);
        Assert.Equal("search_phase_execution_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["caused_by"]!["reason"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
