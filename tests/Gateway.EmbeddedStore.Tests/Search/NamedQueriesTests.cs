using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>Named queries: <c>_name</c> on clauses, kNN sections and rescore queries, reported per hit in <c>matched_queries</c>.</summary>
public sealed class NamedQueriesTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public NamedQueriesTests()
    {
        Ok("PUT", "/n", """{"mappings":{"properties":{"tag":{"type":"keyword"},"n":{"type":"integer"},"v":{"type":"dense_vector","dims":2,"similarity":"l2_norm"}}}}""");
        Ok("PUT", "/n/_doc/1", """{"tag":"a","n":1,"v":[0,0]}""");
        Ok("PUT", "/n/_doc/2", """{"tag":["a","b"],"n":2,"v":[5,5]}""");
        Ok("PUT", "/n/_doc/3", """{"tag":"c","n":3,"v":[9,9]}""");
        Ok("POST", "/n/_refresh");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task MatchedQueries_ListTheNamedClausesEachHitMatches()
    {
        var hits = await HitsAsync("""
            {"query":{"bool":{"should":[{"term":{"tag":{"value":"a","_name":"is_a"}}},{"term":{"tag":{"value":"b","_name":"is_b"}}}],
             "filter":{"range":{"n":{"lte":2,"_name":"small"}}},"must_not":{"term":{"tag":{"value":"z","_name":"never"}}}}},"sort":["n"]}
            """);

        Assert.Equal(2, hits.Count);
        // In Elasticsearch's HashMap order: small (bucket 0), is_b (12), is_a (13).
        Assert.Equal(["small", "is_a"], Names(hits[0]!));
        Assert.Equal(["small", "is_b", "is_a"], Names(hits[1]!));
    }

    [Fact]
    public async Task MatchedQueries_WithScoresMapNamesToTheClausesOwnScores()
    {
        var r = await _store.OkAsync("POST", "/n/_search?include_named_queries_score=true",
            """{"query":{"bool":{"filter":{"constant_score":{"filter":{"term":{"tag":"a"}},"boost":3,"_name":"boosted"}}}},"sort":["n"]}""");

        var matched = r["hits"]!["hits"]![0]!["matched_queries"]!.AsObject();
        Assert.Equal(3f, matched["boosted"]!.GetValue<float>());
    }

    [Fact]
    public async Task MatchedQueries_IncludeKnnSectionsPostFilterAndRescoreQueries()
    {
        var hits = await HitsAsync("""
            {"knn":{"field":"v","query_vector":[0,0],"k":2,"num_candidates":3,"_name":"near"},
             "post_filter":{"term":{"tag":{"value":"a","_name":"pf"}}},
             "rescore":{"query":{"rescore_query":{"term":{"n":{"value":2,"_name":"two"}}}}}}
            """);

        Assert.Equal(["near", "pf"], Names(hits.Single(h => h!["_id"]!.GetValue<string>() == "1")!).Order(StringComparer.Ordinal));
        Assert.Equal(["near", "pf", "two"], Names(hits.Single(h => h!["_id"]!.GetValue<string>() == "2")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MatchedQueries_AbsentWithoutNamesOrMatches()
    {
        var hits = await HitsAsync("""{"query":{"bool":{"should":[{"term":{"tag":{"value":"zzz","_name":"none"}}},{"match_all":{}}]}}}""");

        Assert.All(hits, h => Assert.Null(h!["matched_queries"]));
    }

    [Fact]
    public async Task MatchedQueries_FollowJavaHashMapOrder()
    {
        // Elasticsearch iterates a java.util.HashMap: "my_knn_query" (bucket 0 of 16) before "my_query" (bucket 8).
        var hits = await HitsAsync("""{"query":{"bool":{"should":[{"term":{"tag":{"value":"a","_name":"my_query"}}},{"term":{"n":{"value":1,"_name":"my_knn_query"}}}]}},"sort":["n"]}""");

        Assert.Equal(["my_knn_query", "my_query"], Names(hits[0]!));
    }

    [Fact]
    public async Task MatchedQueries_OfANestedQueryBelongToItsInnerHits()
    {
        Ok("PUT", "/nested", """{"mappings":{"properties":{"users":{"type":"nested","properties":{"name":{"type":"keyword"}}}}}}""");
        Ok("PUT", "/nested/_doc/1?refresh=true", """{"users":[{"name":"x"},{"name":"y"}]}""");

        var r = await _store.OkAsync("POST", "/nested/_search", """
            {"query":{"nested":{"path":"users","_name":"outer","inner_hits":{},
             "query":{"bool":{"should":[{"term":{"users.name":{"value":"x","_name":"is_x"}}},{"term":{"users.name":{"value":"y","_name":"is_y"}}}]}}}}}
            """);

        var hit = r["hits"]!["hits"]![0]!;
        Assert.Equal(["outer"], Names(hit));
        var inner = hit["inner_hits"]!["users"]!["hits"]!["hits"]!.AsArray();
        Assert.Equal(["is_x"], Names(inner.Single(h => h!["_nested"]!["offset"]!.GetValue<int>() == 0)!));
        Assert.Equal(["is_y"], Names(inner.Single(h => h!["_nested"]!["offset"]!.GetValue<int>() == 1)!));
    }

    private async Task<JsonArray> HitsAsync(string body) => (await _store.OkAsync("POST", "/n/_search", body))["hits"]!["hits"]!.AsArray();

    private static List<string> Names(JsonNode hit) => [.. hit["matched_queries"]!.AsArray().Select(n => n!.GetValue<string>())];

    private void Ok(string method, string path, string? body = null) => _store.OkAsync(method, path, body).GetAwaiter().GetResult();
}
