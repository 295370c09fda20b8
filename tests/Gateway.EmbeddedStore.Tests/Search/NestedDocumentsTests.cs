using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>Nested objects as hidden documents: scoring, what the root sees, inner hits, sorting, aggregations, kNN.</summary>
public sealed class NestedDocumentsTests : IDisposable
{
    // Child scores: author a → 2, author b → 4 (constant_score boosts), so the score modes are easy to tell apart.
    private const string ByAuthor =
        """{"bool":{"should":[{"constant_score":{"filter":{"term":{"comments.author":"a"}},"boost":2}},{"constant_score":{"filter":{"term":{"comments.author":"b"}},"boost":4}}]}}""";

    // Error reasons hold quotes and backticks, which the default encoder escapes.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly StoreHarness _store = StoreHarness.InMemory();

    public NestedDocumentsTests()
    {
        Ok("PUT", "/n", """
            {"mappings":{"properties":{"title":{"type":"keyword"},
              "comments":{"type":"nested","properties":{"author":{"type":"keyword"},"votes":{"type":"integer"},"text":{"type":"text"},
                "replies":{"type":"nested","properties":{"who":{"type":"keyword"}}}}},
              "tags":{"type":"nested","include_in_root":true,"properties":{"name":{"type":"keyword"}}},
              "passages":{"type":"nested","properties":{"vector":{"type":"dense_vector","dims":2,"similarity":"l2_norm"}}}}}}
            """);
        Ok("PUT", "/n/_doc/1", """
            {"title":"one","tags":[{"name":"x"}],
             "comments":[{"author":"a","votes":1,"text":"quick fox","replies":[{"who":"p"},{"who":"q"}]},{"author":"b","votes":5,"text":"lazy dog"}],
             "passages":[{"vector":[0,0]},{"vector":[5,5]}]}
            """);
        Ok("PUT", "/n/_doc/2", """
            {"title":"two","comments":[{"author":"a","votes":3,"text":"quick"}],"passages":[{"vector":[1,1]}]}
            """);
        Ok("PUT", "/n/_doc/3", """{"title":"three","comments":{"author":"c","votes":9}}""");
        Ok("POST", "/n/_refresh");
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("avg", 3.0)]
    [InlineData("max", 4.0)]
    [InlineData("min", 2.0)]
    [InlineData("sum", 6.0)]
    [InlineData("none", 0.0)]
    public async Task ScoreMode_CombinesTheMatchingObjects(string mode, double expected)
    {
        var hits = await SearchAsync("""{"query":{"nested":{"path":"comments","score_mode":"MODE","query":QUERY}}}""".Replace("MODE", mode, StringComparison.Ordinal).Replace("QUERY", ByAuthor, StringComparison.Ordinal));

        Assert.Equal(expected, Hit(hits, "1")["_score"]!.GetValue<double>(), 5);
        Assert.Equal(mode == "none" ? 0.0 : 2.0, Hit(hits, "2")["_score"]!.GetValue<double>(), 5);
    }

    [Fact]
    public async Task Boost_MultipliesTheCombinedScore()
    {
        var hits = await SearchAsync("""{"query":{"nested":{"path":"comments","boost":2,"query":QUERY}}}""".Replace("QUERY", ByAuthor, StringComparison.Ordinal));

        Assert.Equal(6.0, Hit(hits, "1")["_score"]!.GetValue<double>(), 5);
    }

    [Theory]
    [InlineData("""{"term":{"comments.author":"a"}}""", "")]
    [InlineData("""{"exists":{"field":"comments.votes"}}""", "")]
    [InlineData("""{"term":{"tags.name":"x"}}""", "1")]
    public async Task Root_SeesNestedFieldsOnlyWhenCopiedToIt(string query, string expected)
    {
        Assert.Equal(expected, Ids(await SearchAsync($$$"""{"query":{{{query}}},"sort":["title"]}""")));
    }

    [Fact]
    public async Task MultiLevel_NestedInsideNestedMatchesWithinTheSameObjects()
    {
        var query = """{"nested":{"path":"comments","query":{"bool":{"must":[{"term":{"comments.author":"a"}},{"nested":{"path":"comments.replies","query":{"term":{"comments.replies.who":"q"}}}}]}}}}""";

        Assert.Equal("1", Ids(await SearchAsync($$$"""{"query":{{{query}}}}""")));
        Assert.Equal("1", Ids(await SearchAsync("""{"query":{"nested":{"path":"comments.replies","query":{"term":{"comments.replies.who":"p"}}}}}""")));
    }

    [Fact]
    public async Task InnerHits_PageSortAndFilterTheObjects()
    {
        var hits = await SearchAsync("""
            {"query":{"nested":{"path":"comments","query":{"match_all":{}},
              "inner_hits":{"name":"top","size":1,"from":0,"sort":[{"comments.votes":"desc"}],"_source":["comments.author"],"version":true}}},
             "sort":["title"]}
            """);

        var inner = Hit(hits, "1")["inner_hits"]!["top"]!["hits"]!;
        Assert.Equal(2, inner["total"]!["value"]!.GetValue<int>());
        var first = inner["hits"]![0]!;
        Assert.Equal("""{"field":"comments","offset":1}""", first["_nested"]!.ToJsonString());
        Assert.Equal("""{"author":"b"}""", first["_source"]!.ToJsonString());
        Assert.Equal(1, first["_version"]!.GetValue<long>());
        Assert.Equal(new JsonArray(5).ToJsonString(), first["sort"]!.ToJsonString());
        Assert.Single(inner["hits"]!.AsArray());
    }

    [Fact]
    public async Task InnerHits_OfADeeperPathCarryTheWholeIdentity()
    {
        var hits = await SearchAsync("""{"query":{"nested":{"path":"comments.replies","query":{"term":{"comments.replies.who":"q"}},"inner_hits":{}}}}""");

        var nested = Hit(hits, "1")["inner_hits"]!["comments.replies"]!["hits"]!["hits"]![0]!["_nested"]!;
        Assert.Equal("""{"field":"comments","offset":0,"_nested":{"field":"replies","offset":1}}""", nested.ToJsonString());
    }

    [Fact]
    public async Task InnerHits_SameNameTwiceIsRefused()
    {
        var (status, body) = await SendAsync("""
            {"query":{"bool":{"should":[
              {"nested":{"path":"comments","query":{"match_all":{}},"inner_hits":{}}},
              {"nested":{"path":"comments","query":{"term":{"comments.author":"a"}},"inner_hits":{}}}]}}}
            """);

        Assert.Equal(400, status);
        Assert.Contains("[inner_hits] already contains an entry for key [comments]", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max", "asc", "two,one,three")]
    [InlineData("min", "asc", "one,two,three")]
    [InlineData("sum", "desc", "three,one,two")]
    public async Task Sort_ByNestedValuesWithMode(string mode, string order, string expected)
    {
        var hits = await SearchAsync("""{"sort":[{"comments.votes":{"order":"ORDER","mode":"MODE","nested":{"path":"comments"}}}]}""".Replace("ORDER", order, StringComparison.Ordinal).Replace("MODE", mode, StringComparison.Ordinal));

        Assert.Equal(expected, Titles(hits));
    }

    [Fact]
    public async Task Sort_NestedFilterAndMaxChildrenChooseTheObjects()
    {
        var filtered = await SearchAsync("""{"sort":[{"comments.votes":{"order":"desc","nested":{"path":"comments","filter":{"term":{"comments.author":"a"}}}}}]}""");
        var firstChild = await SearchAsync("""{"sort":[{"comments.votes":{"order":"desc","nested":{"path":"comments","max_children":1}}}]}""");

        Assert.Equal("two,one,three", Titles(filtered));
        Assert.Equal(long.MinValue, Hit(filtered, "3")["sort"]![0]!.GetValue<long>());
        Assert.Equal("three,two,one", Titles(firstChild));
    }

    [Theory]
    [InlineData("""{"sort":[{"comments.votes":"asc"}]}""", "it is mandatory to set the [nested] context on the nested sort field: [comments.votes].")]
    [InlineData("""{"sort":[{"comments.votes":{"nested":{"path":"title"}}}]}""", "[nested] nested object under path [title] is not of nested type")]
    [InlineData("""{"sort":[{"comments.votes":{"nested":{"path":"nope"}}}]}""", "[nested] failed to find nested object under path [nope]")]
    [InlineData("""{"sort":[{"comments.votes":{"nested":{"path":"comments","foo":1}}}]}""", "[nested] unknown field [foo]")]
    public async Task Sort_BadNestedContextIsRefused(string body, string reason)
    {
        var (status, text) = await SendAsync(body);

        Assert.Equal(400, status);
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NestedAggregation_CountsObjectsAndReverseNestedCountsTheirDocuments()
    {
        var response = await _store.OkAsync("POST", "/n/_search", """
            {"size":0,"aggs":{"c":{"nested":{"path":"comments"},"aggs":{
              "authors":{"terms":{"field":"comments.author"},"aggs":{"docs":{"reverse_nested":{}}}},
              "votes":{"sum":{"field":"comments.votes"}}}}}}
            """);

        var c = response["aggregations"]!["c"]!;
        Assert.Equal(4, c["doc_count"]!.GetValue<long>());
        Assert.Equal(18.0, c["votes"]!["value"]!.GetValue<double>());
        var a = c["authors"]!["buckets"]![0]!;
        Assert.Equal("a", a["key"]!.GetValue<string>());
        Assert.Equal(2, a["doc_count"]!.GetValue<long>());
        Assert.Equal(2, a["docs"]!["doc_count"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{"aggs":{"r":{"reverse_nested":{}}}}""", "Reverse nested aggregation [r] can only be used inside a [nested] aggregation")]
    [InlineData("""{"aggs":{"n":{"nested":{}}}}""", "Missing [path] field for nested aggregation [n]")]
    [InlineData("""{"aggs":{"n":{"nested":{"path":"comments","foo":1}}}}""", "[nested] unknown field [foo]")]
    [InlineData("""{"aggs":{"n":{"nested":{"path":"comments"},"aggs":{"t":{"nested":{"path":"tags"}}}}}}""", "[nested] nested path [tags] is not below the enclosing nested path [comments]")]
    public async Task NestedAggregation_BadDefinitionsAreRefused(string body, string reason)
    {
        var (status, text) = await SendAsync(body);

        Assert.Equal(400, status);
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NestedAggregation_UnmappedPathIsAnEmptyBucket()
    {
        var response = await _store.OkAsync("POST", "/n/_search", """{"size":0,"aggs":{"n":{"nested":{"path":"nope"}}}}""");

        Assert.Equal(0, response["aggregations"]!["n"]!["doc_count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Knn_OnNestedVectorsReturnsDistinctDocumentsWithTheirPassages()
    {
        var hits = await SearchAsync("""{"knn":{"field":"passages.vector","query_vector":[0,0],"k":2,"num_candidates":10,"inner_hits":{"size":5,"_source":false}}}""");

        Assert.Equal("1,2", Ids(hits));
        Assert.Equal(1.0, Hit(hits, "1")["_score"]!.GetValue<double>(), 5);
        var passages = Hit(hits, "1")["inner_hits"]!["passages"]!["hits"]!["hits"]!.AsArray();
        Assert.Equal(2, passages.Count);
        Assert.Equal(0, passages[0]!["_nested"]!["offset"]!.GetValue<int>());
        Assert.Equal(1.0 / 51, passages[1]!["_score"]!.GetValue<double>(), 5);
    }

    [Fact]
    public async Task Knn_SimilarityThresholdAlsoFiltersTheInnerHits()
    {
        var hits = await SearchAsync("""{"knn":{"field":"passages.vector","query_vector":[0,0],"k":5,"num_candidates":10,"similarity":2,"inner_hits":{}}}""");

        Assert.Equal("1,2", Ids(hits));
        Assert.Single(Hit(hits, "1")["inner_hits"]!["passages"]!["hits"]!["hits"]!.AsArray());
    }

    [Fact]
    public async Task Knn_InnerHitsOnATopLevelVectorAreRefused()
    {
        await _store.OkAsync("PUT", "/flat", """{"mappings":{"properties":{"v":{"type":"dense_vector","dims":2,"similarity":"l2_norm"}}}}""");
        var (status, body) = await _store.SendAsync("POST", "/flat/_search", """{"knn":{"field":"v","query_vector":[0,0],"k":1,"num_candidates":1,"inner_hits":{}}}""");

        Assert.Equal(400, status);
        Assert.Contains("[inner_hits] can only be used with a [knn] search on a field inside [nested] objects", body!.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_GroupNestedValuesByObject()
    {
        var hits = await SearchAsync("""{"_source":false,"fields":["comments.author","title"],"query":{"term":{"title":"one"}}}""");

        Assert.Equal("""{"title":["one"],"comments":[{"author":["a"]},{"author":["b"]}]}""", hits[0]!["fields"]!.ToJsonString());
    }

    [Fact]
    public async Task Sort_GeoDistanceOverNestedPoints()
    {
        await _store.OkAsync("PUT", "/g", """{"mappings":{"properties":{"stops":{"type":"nested","properties":{"at":{"type":"geo_point"}}}}}}""");
        await _store.OkAsync("PUT", "/g/_doc/far", """{"stops":[{"at":[10,10]},{"at":[20,20]}]}""");
        await _store.OkAsync("PUT", "/g/_doc/near?refresh=true", """{"stops":[{"at":[30,30]},{"at":[1,1]}]}""");

        var response = await _store.OkAsync("POST", "/g/_search", """{"sort":[{"_geo_distance":{"stops.at":[0,0],"order":"asc","nested":{"path":"stops"}}}]}""");

        Assert.Equal("near,far", Ids(response["hits"]!["hits"]!.AsArray()));
    }

    [Fact]
    public async Task NestedObjectsLimit_RefusesADocumentWithTooManyObjects()
    {
        await _store.OkAsync("PUT", "/limited", """{"settings":{"index.mapping.nested_objects.limit":2},"mappings":{"properties":{"a":{"type":"nested","properties":{"b":{"type":"nested"}}}}}}""");

        await _store.OkAsync("PUT", "/limited/_doc/1", """{"a":[{"x":1},{"x":2}]}""");
        var (status, body) = await _store.SendAsync("PUT", "/limited/_doc/2", """{"a":[{"x":1,"b":[{"y":1}]},{"x":2}]}""");

        Assert.Equal(400, status);
        Assert.Contains("The number of nested documents has exceeded the allowed limit of [2]. This limit can be set by changing the [index.mapping.nested_objects.limit] index level setting.", body!.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    private async Task<JsonArray> SearchAsync(string body) => (await _store.OkAsync("POST", "/n/_search", body))["hits"]!["hits"]!.AsArray();

    private async Task<(int Status, string Body)> SendAsync(string body)
    {
        var (status, json) = await _store.SendAsync("POST", "/n/_search", body);
        return (status, json!.ToJsonString(Relaxed));
    }

    private void Ok(string method, string path, string? body = null) => _store.OkAsync(method, path, body).GetAwaiter().GetResult();

    private static JsonNode Hit(JsonArray hits, string id) => hits.First(h => h!["_id"]!.GetValue<string>() == id)!;

    private static string Ids(JsonArray hits) => string.Join(",", hits.Select(h => h!["_id"]!.GetValue<string>()));

    private static string Titles(JsonArray hits) => string.Join(",", hits.Select(h => h!["_id"]!.GetValue<string>() switch { "1" => "one", "2" => "two", _ => "three" }));
}
