using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>The query rescorer: windows, weights, score modes, several rescorers, collapse, and what is refused.</summary>
public sealed class RescoreTests : IDisposable
{
    // Error reasons and highlights hold quotes and angle brackets, which the default encoder escapes.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly StoreHarness _store = StoreHarness.InMemory();

    public RescoreTests()
    {
        Ok("PUT", "/r", """{"mappings":{"properties":{"group":{"type":"keyword"},"n":{"type":"integer"}}}}""");
        for (var i = 1; i <= 6; i++)
        {
            // First-pass score = n (function_score below); group pairs 1-2, 3-4, 5-6.
            Ok("PUT", $"/r/_doc/{i}", "{\"n\":" + i + ",\"group\":\"g" + ((i + 1) / 2) + "\"}");
        }

        Ok("POST", "/r/_refresh");
    }

    public void Dispose() => _store.Dispose();

    private const string FirstPass = """{"function_score":{"query":{"match_all":{}},"field_value_factor":{"field":"n"},"boost_mode":"replace"}}""";

    [Theory]
    [InlineData("total", 1, 2, "1:11,6:6,5:5")]
    [InlineData("multiply", 1, 2, "1:10,6:6,5:5")]
    [InlineData("avg", 1, 20, "1:50.5,6:6,5:5")]
    [InlineData("max", 1, 20, "1:100,6:6,5:5")]
    [InlineData("min", 2, 20, "6:12,5:10,4:8")]
    public async Task Rescore_CombinesTheWindowsScoresByScoreMode(string mode, float queryWeight, float rescoreWeight, string expected)
    {
        // The rescore query matches doc 1 only, scoring 5 (a constant_score boost); window 10 covers every hit.
        var body = """
            {"query":FIRST,"size":3,"rescore":{"query":{"rescore_query":{"constant_score":{"filter":{"term":{"n":1}},"boost":5}},
             "query_weight":QW,"rescore_query_weight":RW,"score_mode":"MODE"}}}
            """.Replace("FIRST", FirstPass, StringComparison.Ordinal).Replace("QW", queryWeight.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("RW", rescoreWeight.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("MODE", mode, StringComparison.Ordinal);

        var r = await SearchAsync(body);

        Assert.Equal(expected, Scores(r));
        Assert.Equal(6, r["hits"]!["total"]!["value"]!.GetValue<long>());
        Assert.Equal(float.Parse(expected.Split(',')[0].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture), r["hits"]!["max_score"]!.GetValue<float>());
    }

    [Fact]
    public async Task Rescore_OnlyTheWindowIsRescoredTheRestTakesTheQueryWeight()
    {
        // Window 2 = docs 6 and 5; doc 6 gets +100, doc 5 +0 (no match); docs outside the window are × query_weight 0.5.
        var r = await SearchAsync("""
            {"query":FIRST,"size":4,"rescore":{"window_size":2,"query":{"rescore_query":{"constant_score":{"filter":{"terms":{"n":[6,1]}},"boost":100}},"query_weight":0.5}}}
            """.Replace("FIRST", FirstPass, StringComparison.Ordinal));

        Assert.Equal("6:103,5:2.5,4:2,3:1.5", Scores(r));
    }

    [Fact]
    public async Task Rescore_SeveralRescorersApplyInOrder()
    {
        var r = await SearchAsync("""
            {"query":FIRST,"size":2,"rescore":[
              {"window_size":3,"query":{"rescore_query":{"constant_score":{"filter":{"term":{"n":4}},"boost":10}}}},
              {"window_size":1,"query":{"rescore_query":{"constant_score":{"filter":{"term":{"n":4}},"boost":1}},"score_mode":"multiply"}}]}
            """.Replace("FIRST", FirstPass, StringComparison.Ordinal));

        // First: 4 → 14, 6, 5. Second (window 1): 14 × 1 = 14.
        Assert.Equal("4:14,6:6", Scores(r));
    }

    [Fact]
    public async Task Rescore_WithCollapseRescoresTheTopHitOfEachGroup()
    {
        var r = await SearchAsync("""
            {"query":FIRST,"collapse":{"field":"group"},"rescore":{"query":{"rescore_query":{"constant_score":{"filter":{"term":{"n":2}},"boost":50}}}}}
            """.Replace("FIRST", FirstPass, StringComparison.Ordinal));

        // Groups by first pass: g3 → 6, g2 → 4, g1 → 2; then 2 gets +50.
        Assert.Equal("2:52,6:6,4:4", Scores(r));
    }

    [Fact]
    public async Task Rescore_AllowsALoneScoreSort()
    {
        var r = await SearchAsync("""{"query":FIRST,"size":1,"sort":["_score"],"rescore":{"query":{"rescore_query":{"term":{"n":1}},"rescore_query_weight":100}}}""".Replace("FIRST", FirstPass, StringComparison.Ordinal));

        Assert.Equal("1", r["hits"]!["hits"]![0]!["_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"sort":[{"n":"asc"}],"rescore":{"query":{"rescore_query":{"match_all":{}}}}}""", "Cannot use [sort] option in conjunction with [rescore].")]
    [InlineData("""{"rescore":{"window_size":10001,"query":{"rescore_query":{"match_all":{}}}}}""", "Rescore window [10001] is too large. It must be less than [10000].")]
    [InlineData("""{"rescore":{"window_size":-1,"query":{"rescore_query":{"match_all":{}}}}}""", "rescore window_size must be >= 0")]
    [InlineData("""{"rescore":{"query":{"rescore_query":{"match_all":{}},"score_mode":"sum"}}}""", "illegal score_mode [sum]")]
    [InlineData("""{"rescore":{"query":{"rescore_query":{"match_all":{}},"foo":1}}}""", "[query] unknown field [foo]")]
    [InlineData("""{"rescore":{"query":{"query_weight":1}}}""", "rescore_query cannot be null")]
    [InlineData("""{"rescore":{"window_size":5}}""", "missing rescore type")]
    [InlineData("""{"rescore":{"foo":5,"query":{"rescore_query":{"match_all":{}}}}}""", "rescore doesn't support [foo]")]
    [InlineData("""{"rescore":{"nope":{}}}""", "unknown field [nope]")]
    [InlineData("""{"rescore":{"query":[]}}""", "unexpected token [START_ARRAY] after [query]")]
    [InlineData("""{"rescore":{"script":{"script":{"source":"1"}}}}""", "the [script] rescorer is not supported by this store")]
    public async Task Rescore_BadRequestsAreRefused(string body, string reason)
    {
        var (status, json) = await _store.SendAsync("POST", "/r/_search", body);

        Assert.Equal(400, status);
        Assert.Contains(reason, json!.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescore_WindowLimitFollowsTheIndexSetting()
    {
        Ok("PUT", "/small", """{"settings":{"index.max_rescore_window":5}}""");

        var (status, json) = await _store.SendAsync("POST", "/small/_search", """{"rescore":{"window_size":6,"query":{"rescore_query":{"match_all":{}}}}}""");

        Assert.Equal(400, status);
        Assert.Contains("Rescore window [6] is too large. It must be less than [5].", json!.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocvalueFields_AboveTheIndexLimitAreRefused()
    {
        Ok("PUT", "/dv", """{"settings":{"index.max_docvalue_fields_search":1}}""");

        var (status, json) = await _store.SendAsync("POST", "/dv/_search", """{"docvalue_fields":["a","b"]}""");

        Assert.Equal(400, status);
        Assert.Contains("Trying to retrieve too many docvalue_fields. Must be less than or equal to: [1] but was [2].", json!.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    private Task<JsonNode> SearchAsync(string body) => _store.OkAsync("POST", "/r/_search", body);

    private static string Scores(JsonNode response) =>
        string.Join(",", response["hits"]!["hits"]!.AsArray().Select(h => h!["_id"]!.GetValue<string>() + ":" + h["_score"]!.GetValue<float>().ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private void Ok(string method, string path, string? body = null) => _store.OkAsync(method, path, body).GetAwaiter().GetResult();
}
