using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>significant_terms and significant_text: foreground against background, the heuristics, and bad input.</summary>
public sealed class SignificantTermsAggregationTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public SignificantTermsAggregationTests()
    {
        Ok("PUT", "/goodbad", """{"mappings":{"properties":{"text":{"type":"text","fielddata":true},"plain":{"type":"text"},"class":{"type":"keyword"},"tag":{"type":"keyword"},"n":{"type":"integer"}}}}""");
        string[] docs =
        [
            """{"text":"good","class":"good","tag":"g","n":1}""",
            """{"text":"good","class":"good","tag":"g","n":1}""",
            """{"text":"bad","class":"bad","tag":"b","n":2}""",
            """{"text":"bad","class":"bad","tag":"b","n":2}""",
            """{"text":"good bad","class":"good","tag":"g","n":1}""",
            """{"text":"good bad","class":"bad","tag":"b","n":2}""",
            """{"text":"bad","class":"bad","tag":"b","n":2}""",
        ];
        for (var i = 0; i < docs.Length; i++)
        {
            Ok("PUT", $"/goodbad/_doc/{i + 1}", docs[i]);
        }

        Ok("POST", "/goodbad/_refresh");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task SignificantTerms_PerClassFindTheirOwnWordWithJlh()
    {
        var r = await SearchAsync("""{"size":0,"aggs":{"class":{"terms":{"field":"class"},"aggs":{"sig":{"significant_terms":{"field":"text"}}}}}}""");

        var bad = r["aggregations"]!["class"]!["buckets"]![0]!["sig"]!;
        Assert.Equal(4, bad["doc_count"]!.GetValue<long>());
        Assert.Equal(7, bad["bg_count"]!.GetValue<long>());
        var bucket = bad["buckets"]![0]!;
        Assert.Equal("bad", bucket["key"]!.GetValue<string>());
        Assert.Equal(4, bucket["doc_count"]!.GetValue<long>());
        Assert.Equal(5, bucket["bg_count"]!.GetValue<long>());
        Assert.Equal(0.4, bucket["score"]!.GetValue<double>(), 6);
        Assert.Equal("good", r["aggregations"]!["class"]!["buckets"]![1]!["sig"]!["buckets"]![0]!["key"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"percentage":{}}""", 0.8)]
    [InlineData("""{"chi_square":{}}""", 3.7333333)]
    [InlineData("""{"mutual_information":{}}""", 0.4695652)]
    [InlineData("""{"gnd":{}}""", 0.6711624)]
    public async Task SignificantTerms_Heuristics(string heuristic, double expected)
    {
        // Foreground: the bad class (4 of 7); "bad" is in all 4 of them and in 5 of the 7.
        var body = """{"size":0,"query":{"term":{"class":"bad"}},"aggs":{"sig":{"significant_terms":{"field":"text","min_doc_count":1,HEUR}}}}""".Replace("HEUR", "\"" + heuristic.Split('"')[1] + "\":{}", StringComparison.Ordinal);
        var r = await SearchAsync(body);

        var bucket = r["aggregations"]!["sig"]!["buckets"]!.AsArray().Single(b => b!["key"]!.GetValue<string>() == "bad")!;
        Assert.Equal(expected, bucket["score"]!.GetValue<double>(), 5);
    }

    [Fact]
    public async Task SignificantTerms_OnKeywordsNumbersWithBackgroundFilter()
    {
        var r = await SearchAsync("""
            {"size":0,"query":{"term":{"class":"bad"}},"aggs":{
              "k":{"significant_terms":{"field":"tag","min_doc_count":1}},
              "n":{"significant_terms":{"field":"n","min_doc_count":1}},
              "bg":{"significant_terms":{"field":"tag","min_doc_count":1,"background_filter":{"term":{"class":"good"}}}}}}
            """);

        Assert.Equal("b", r["aggregations"]!["k"]!["buckets"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(2, r["aggregations"]!["n"]!["buckets"]![0]!["key"]!.GetValue<long>());
        Assert.Equal(3, r["aggregations"]!["bg"]!["bg_count"]!.GetValue<long>());
    }

    [Fact]
    public async Task SignificantText_ReadsTheAnalysedTermsWithoutFielddata()
    {
        Ok("PUT", "/goodbad/_doc/8?refresh=true", """{"plain":"bad news","class":"bad"}""");

        var r = await SearchAsync("""{"size":0,"query":{"term":{"class":"bad"}},"aggs":{"sig":{"significant_text":{"field":"plain","min_doc_count":1}}}}""");

        Assert.Equal(["bad", "news"], r["aggregations"]!["sig"]!["buckets"]!.AsArray().Select(b => b!["key"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"significant_terms":{"field":"plain"}}""", "Text fields are not optimised")]
    [InlineData("""{"significant_terms":{"field":"text","script_heuristic":{"script":"1"}}}""", "the [script_heuristic] significance heuristic is not supported by this store")]
    [InlineData("""{"significant_terms":{"field":"text","jlh":{},"gnd":{}}}""", "Found two significance heuristics in [jlh] and [gnd]")]
    [InlineData("""{"significant_terms":{"field":"text","chi_square":{"foo":true}}}""", "unknown field [foo]")]
    [InlineData("""{"significant_terms":{"field":"text","size":0}}""", "[size] must be greater than 0. Found [0] in [a]")]
    [InlineData("""{"significant_terms":{"field":"text","foo":1}}""", "[significant_terms] unknown field [foo]")]
    [InlineData("""{"significant_text":{"field":"plain","filter_duplicate_text":true}}""", "[significant_text] [filter_duplicate_text] is not supported by this store")]
    [InlineData("""{"significant_text":{"field":"n"}}""", "Field [n] has no analyzer, but SignificantText requires an analyzed field")]
    public async Task Significant_BadRequestsAreRefused(string definition, string reason)
    {
        var (status, json) = await _store.SendAsync("POST", "/goodbad/_search", """{"size":0,"aggs":{"a":DEF}}""".Replace("DEF", definition, StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Contains(reason, json!.ToJsonString(), StringComparison.Ordinal);
    }

    private Task<JsonNode> SearchAsync(string body) => _store.OkAsync("POST", "/goodbad/_search", body);

    private void Ok(string method, string path, string? body = null) => _store.OkAsync(method, path, body).GetAwaiter().GetResult();
}
