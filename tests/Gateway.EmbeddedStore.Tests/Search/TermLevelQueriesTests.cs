using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>The <c>fuzzy</c>, <c>regexp</c> and <c>distance_feature</c> queries.</summary>
public sealed class TermLevelQueriesTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private async Task SeedAsync(string settings = "{}")
    {
        await _harness.OkAsync("PUT", "/t", "{\"settings\":" + settings + ",\"mappings\":{\"properties\":{\"k\":{\"type\":\"keyword\"},\"body\":{\"type\":\"text\"},\"n\":{\"type\":\"long\"},\"d\":{\"type\":\"date\"},\"g\":{\"type\":\"geo_point\"}}}}");
        await _harness.OkAsync("PUT", "/t/_doc/1", """{"k":"key1","body":"Quick brown fox","n":1,"d":"2024-01-01T00:00:00Z","g":[13.40,52.52]}""");
        await _harness.OkAsync("PUT", "/t/_doc/2", """{"k":"key2","body":"lazy dog","d":["2024-01-03T00:00:00Z","2023-12-31T12:00:00Z"],"g":[2.35,48.86]}""");
        await _harness.OkAsync("PUT", "/t/_doc/3?refresh=true", """{"k":"Kiwi~1","body":"quack","d":"2024-02-01T00:00:00Z"}""");
    }

    private async Task<JsonArray> HitsAsync(string query) =>
        (await _harness.OkAsync("POST", "/t/_search", "{\"query\":" + query + "}"))["hits"]!["hits"]!.AsArray();

    private async Task<string> IdsAsync(string query) =>
        string.Join(",", (await HitsAsync(query)).Select(h => h!["_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("""{"fuzzy":{"k":"kay1"}}""", "1")]
    [InlineData("""{"fuzzy":{"k":{"value":"kay","fuzziness":2}}}""", "1,2")]
    [InlineData("""{"fuzzy":{"k":{"value":"kay1","fuzziness":1,"prefix_length":2}}}""", "")]
    [InlineData("""{"fuzzy":{"body":{"value":"quikc"}}}""", "1")]
    [InlineData("""{"fuzzy":{"body":{"value":"quikc","transpositions":false}}}""", "")]
    [InlineData("""{"fuzzy":{"body":{"value":"Quick","fuzziness":0}}}""", "")]
    [InlineData("""{"fuzzy":{"missing":"x"}}""", "")]
    [InlineData("""{"regexp":{"k":"key[0-9]"}}""", "1,2")]
    [InlineData("""{"regexp":{"k":{"value":"KEY.*","case_insensitive":true}}}""", "1,2")]
    [InlineData("""{"regexp":{"k":{"value":"Kiwi~1","flags":"NONE"}}}""", "3")]
    [InlineData("""{"regexp":{"k":{"value":"\"Kiwi~\"1"}}}""", "3")]
    [InlineData("""{"regexp":{"body":"qu(i|a)ck"}}""", "1,3")]
    [InlineData("""{"regexp":{"body":"b.o"}}""", "")]
    public async Task Queries_MatchAsElasticsearch(string query, string expected)
    {
        await SeedAsync();

        Assert.Equal(expected, await IdsAsync(query));
    }

    [Fact]
    public async Task Fuzzy_CloserTermsScoreHigher()
    {
        await SeedAsync();

        var hits = await HitsAsync("""{"fuzzy":{"body":{"value":"quack","fuzziness":1}}}""");

        Assert.Equal(["3", "1"], hits.Select(h => h!["_id"]!.GetValue<string>()));
        Assert.True(hits[0]!["_score"]!.GetValue<float>() > hits[1]!["_score"]!.GetValue<float>());
    }

    [Fact]
    public async Task DistanceFeature_ScoresByTheClosestValue()
    {
        await SeedAsync();

        var dates = await HitsAsync("""{"distance_feature":{"field":"d","origin":"2024-01-01T00:00:00Z","pivot":"1d","boost":2}}""");
        Assert.Equal(["1", "2", "3"], dates.Select(h => h!["_id"]!.GetValue<string>()));
        Assert.Equal(2f, dates[0]!["_score"]!.GetValue<float>(), 5);
        Assert.Equal(2f * 1 / 1.5f, dates[1]!["_score"]!.GetValue<float>(), 5);

        var points = await HitsAsync("""{"distance_feature":{"field":"g","origin":{"lat":48.86,"lon":2.35},"pivot":"100km"}}""");
        Assert.Equal(["2", "1"], points.Select(h => h!["_id"]!.GetValue<string>()));
        Assert.Equal(1f, points[0]!["_score"]!.GetValue<float>(), 5);
        Assert.Empty(await HitsAsync("""{"distance_feature":{"field":"nope","origin":"now","pivot":"1d"}}"""));
    }

    [Theory]
    [InlineData("""{"fuzzy":{"n":"1"}}""", "Can only use fuzzy queries on keyword and text fields - not on [n] which is of type [long]")]
    [InlineData("""{"regexp":{"n":"1"}}""", "Can only use regexp queries on keyword and text fields - not on [n] which is of type [long]")]
    [InlineData("""{"regexp":{"k":"a~b"}}""", "the regexp operator [~] is not supported by the embedded store")]
    [InlineData("""{"distance_feature":{"field":"k","origin":"x","pivot":"1d"}}""", "Illegal data type of [keyword]! [distance_feature] query can only be run on a date, date_nanos or geo_point field type!")]
    public async Task WrongFields_FailTheShards(string query, string reason)
    {
        await SeedAsync();

        var (status, body) = await _harness.SendAsync("POST", "/t/_search", "{\"query\":" + query + "}");

        Assert.Equal(400, status);
        Assert.Equal("search_phase_execution_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["caused_by"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task RegexpLongerThanTheIndexLimit_FailsTheShards()
    {
        await SeedAsync("""{"index.max_regex_length":5}""");

        var (status, body) = await _harness.SendAsync("POST", "/t/_search", """{"query":{"regexp":{"k":"key[0-9]"}}}""");

        Assert.Equal(400, status);
        Assert.Equal(
            "The length of regex [8] used in the Regexp Query request has exceeded the allowed maximum of [5]. This maximum can be set by changing the [index.max_regex_length] index level setting.",
            body!["error"]!["caused_by"]!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"fuzzy":{"k":{"value":"x","slop":1}}}""", "parsing_exception", "[fuzzy] query does not support [slop]")]
    [InlineData("""{"fuzzy":{"k":{"value":"x","max_expansions":0}}}""", "illegal_argument_exception", "[fuzzy] requires max expansions to be positive.")]
    [InlineData("""{"regexp":{"k":{"value":"x","flags":"ALL|BOGUS"}}}""", "illegal_argument_exception", "Unknown regexp flag [BOGUS]")]
    [InlineData("""{"regexp":{"k":{"value":"x","max_determinized_states":0}}}""", "illegal_argument_exception", "maxDeterminizedStates must be positive")]
    [InlineData("""{"distance_feature":{"field":"d","pivot":"1d"}}""", "illegal_argument_exception", "Required [origin]")]
    [InlineData("""{"distance_feature":{"field":"d","origin":"now","pivot":"1d","decay":1}}""", "x_content_parse_exception", "[distance_feature] unknown field [decay]")]
    public async Task BadOptions_AreRefused(string query, string type, string reason)
    {
        await SeedAsync();

        var (status, body) = await _harness.SendAsync("POST", "/t/_search", "{\"query\":" + query + "}");

        Assert.Equal(400, status);
        Assert.Equal(type, body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["reason"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
