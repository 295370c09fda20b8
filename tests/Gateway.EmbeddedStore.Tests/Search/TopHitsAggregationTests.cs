using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>The top_hits aggregation: per-bucket hits as search hits, their options, nested objects and bad input.</summary>
public sealed class TopHitsAggregationTests : IDisposable
{
    // Error reasons and highlights hold quotes and angle brackets, which the default encoder escapes.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly StoreHarness _store = StoreHarness.InMemory();

    public TopHitsAggregationTests()
    {
        Ok("PUT", "/t", """{"mappings":{"properties":{"group":{"type":"keyword"},"rank":{"type":"integer"},"title":{"type":"text"},"users":{"type":"nested"}}}}""");
        var docs = new[]
        {
            """{"group":"a","rank":10,"title":"red fox","users":[{"last":"Smith"},{"last":"White"}]}""",
            """{"group":"a","rank":30,"title":"red red fox","users":[{"last":"Doe"}]}""",
            """{"group":"b","rank":20,"title":"blue fox"}""",
        };
        for (var i = 0; i < docs.Length; i++)
        {
            Ok("PUT", $"/t/_doc/{i + 1}", docs[i]);
        }

        Ok("POST", "/t/_refresh");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task TopHits_PerBucketSortedByFieldWithSourceFilterAndVersion()
    {
        var r = await SearchAsync("""
            {"size":0,"aggs":{"g":{"terms":{"field":"group"},"aggs":{"top":{"top_hits":{"size":1,"sort":[{"rank":"desc"}],"_source":["rank"],"version":true,"seq_no_primary_term":true}}}}}}
            """);

        var bucket = r["aggregations"]!["g"]!["buckets"]![0]!;
        var hits = bucket["top"]!["hits"]!;
        Assert.Equal(2, hits["total"]!["value"]!.GetValue<long>());
        Assert.Equal("eq", hits["total"]!["relation"]!.GetValue<string>());
        Assert.Null(hits["max_score"]);
        var hit = hits["hits"]![0]!;
        Assert.Equal("2", hit["_id"]!.GetValue<string>());
        Assert.Null(hit["_score"]);
        Assert.Equal("""{"rank":30}""", hit["_source"]!.ToJsonString());
        Assert.Equal("[30]", hit["sort"]!.ToJsonString());
        Assert.Equal(1, hit["_version"]!.GetValue<long>());
        Assert.NotNull(hit["_seq_no"]);
    }

    [Fact]
    public async Task TopHits_ByScoreCarriesScoresHighlightAndNamedQueries()
    {
        var r = await SearchAsync("""
            {"size":0,"query":{"match":{"title":{"query":"red","_name":"reds"}}},
             "aggs":{"top":{"top_hits":{"highlight":{"fields":{"title":{}}},"from":0,"size":5}}}}
            """);

        var hits = r["aggregations"]!["top"]!["hits"]!;
        Assert.Equal(2, hits["total"]!["value"]!.GetValue<long>());
        var first = hits["hits"]![0]!;
        Assert.Equal("2", first["_id"]!.GetValue<string>());
        Assert.Equal(hits["max_score"]!.GetValue<float>(), first["_score"]!.GetValue<float>());
        Assert.Equal("""["<em>red</em> <em>red</em> fox"]""", first["highlight"]!["title"]!.ToJsonString(Relaxed));
        Assert.Equal("""["reds"]""", first["matched_queries"]!.ToJsonString());
    }

    [Fact]
    public async Task TopHits_WithExplain_EachHitExplainsItsScore()
    {
        var r = await SearchAsync("""
            {"size":0,"query":{"match":{"title":"red"}},"aggs":{"top":{"top_hits":{"explain":true,"size":5}}}}
            """);

        var first = r["aggregations"]!["top"]!["hits"]!["hits"]![0]!;
        Assert.Equal(first["_score"]!.GetValue<float>(), first["_explanation"]!["value"]!.GetValue<float>(), 4);
        Assert.False(string.IsNullOrEmpty(first["_explanation"]!["description"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TopHits_InsideNestedAggregationAreTheObjects()
    {
        var r = await SearchAsync("""{"size":0,"aggs":{"u":{"nested":{"path":"users"},"aggs":{"top":{"top_hits":{"size":5,"sort":["users.last.keyword"]}}}}}}""");

        var hits = r["aggregations"]!["u"]!["top"]!["hits"]!["hits"]!.AsArray();
        Assert.Equal(3, hits.Count);
        Assert.Equal("2", hits[0]!["_id"]!.GetValue<string>());
        Assert.Equal("""{"field":"users","offset":0}""", hits[0]!["_nested"]!.ToJsonString());
        Assert.Equal("""{"last":"Doe"}""", hits[0]!["_source"]!.ToJsonString());
        Assert.Equal(1, hits[2]!["_nested"]!["offset"]!.GetValue<int>());
    }

    [Fact]
    public async Task TopHits_TotalIsAnIntegerWithRestTotalHitsAsIntAndTypedKeysNameIt()
    {
        var r = await _store.OkAsync("POST", "/t/_search?rest_total_hits_as_int=true&typed_keys=true", """{"size":0,"aggs":{"top":{"top_hits":{}}}}""");

        var hits = r["aggregations"]!["top_hits#top"]!["hits"]!;
        Assert.Equal(3, hits["total"]!.GetValue<long>());
        Assert.Equal(3, hits["hits"]!.AsArray().Count);
    }

    [Fact]
    public async Task TopHits_FetchTheSearchsFieldsUnlessTheyNameTheirOwn()
    {
        var r = await SearchAsync("""{"size":0,"fields":["rank"],"aggs":{"inherit":{"top_hits":{"size":1,"sort":["rank"]}},"own":{"top_hits":{"size":1,"sort":["rank"],"fields":["group"]}}}}""");

        Assert.Equal("""{"rank":[10]}""", r["aggregations"]!["inherit"]!["hits"]!["hits"]![0]!["fields"]!.ToJsonString());
        Assert.Equal("""{"group":["a"]}""", r["aggregations"]!["own"]!["hits"]!["hits"]![0]!["fields"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"top_hits":{"size":101}}""", 400, "Top hits result window is too large, the top hits aggregator [top]'s from + size must be less than or equal to: [100] but was [101]")]
    [InlineData("""{"top_hits":{"from":-1}}""", 400, "[from] must be greater than or equal to 0. Found [-1] in [top]")]
    [InlineData("""{"top_hits":{"size":-1}}""", 400, "[size] must be greater than or equal to 0. Found [-1] in [top]")]
    [InlineData("""{"top_hits":{"foo":1}}""", 400, "Unknown key for a VALUE_NUMBER in [foo].")]
    [InlineData("""{"top_hits":{"script_fields":{"s":{"script":"1"}}}}""", 400, "[top_hits] [script_fields] is not supported by this store")]
    [InlineData("""{"top_hits":{},"aggs":{"x":{"max":{"field":"rank"}}}}""", 400, "Aggregator [top] of type [top_hits] cannot accept sub-aggregations")]
    public async Task TopHits_BadOptionsAreRefused(string definition, int status, string reason)
    {
        var (actual, json) = await _store.SendAsync("POST", "/t/_search", """{"size":0,"aggs":{"top":DEF}}""".Replace("DEF", definition, StringComparison.Ordinal));

        Assert.Equal(status, actual);
        Assert.Contains(reason, json!.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopHits_WindowFollowsTheIndexSetting()
    {
        Ok("PUT", "/w", """{"settings":{"index.max_inner_result_window":200}}""");
        Ok("PUT", "/w/_doc/1?refresh=true", """{"a":1}""");

        var r = await _store.OkAsync("POST", "/w/_search", """{"size":0,"aggs":{"top":{"top_hits":{"size":150}}}}""");

        Assert.Single(r["aggregations"]!["top"]!["hits"]!["hits"]!.AsArray());
    }

    private Task<JsonNode> SearchAsync(string body) => _store.OkAsync("POST", "/t/_search", body);

    private void Ok(string method, string path, string? body = null) => _store.OkAsync(method, path, body).GetAwaiter().GetResult();
}
