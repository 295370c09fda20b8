using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary><c>nested</c> mappings and queries: every inner clause must match the same nested object.</summary>
public sealed class NestedQueryTests : IDisposable
{
    // Error reasons hold quotes and backticks, which the default encoder escapes.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly StoreHarness _store = StoreHarness.InMemory();

    public NestedQueryTests()
    {
        _store.OkAsync("PUT", "/p", """
            {"mappings":{"properties":{"name":{"type":"keyword"},
              "peaks":{"type":"nested","properties":{"id":{"type":"keyword"},"km":{"type":"float"},"side":{"type":"float"}}},
              "flat":{"properties":{"id":{"type":"keyword"},"km":{"type":"float"}}}}}}
            """).GetAwaiter().GetResult();
        // 1: ama 8 km from the south-west; 2: ama 20 km, everest 5 km (an object mapping would match "ama within 15 km");
        // 3: ama 12 km from the north-west; 4: no peaks.
        var docs = new[]
        {
            """{"name":"1","peaks":[{"id":"ama","km":8.1,"side":225.5}]}""",
            """{"name":"2","peaks":[{"id":"ama","km":20,"side":200},{"id":"everest","km":5,"side":210}]}""",
            """{"name":"3","peaks":[{"id":"ama","km":12,"side":330},{"id":"everest","km":30,"side":240}]}""",
            """{"name":"4"}""",
        };
        for (var i = 0; i < docs.Length; i++)
        {
            _store.OkAsync("PUT", $"/p/_doc/{i + 1}", docs[i]).GetAwaiter().GetResult();
        }

        _store.OkAsync("POST", "/p/_refresh").GetAwaiter().GetResult();
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("""{"bool":{"filter":[{"term":{"peaks.id":"ama"}},{"range":{"peaks.km":{"lte":15}}}]}}""", "1,3")]
    [InlineData("""{"bool":{"filter":[{"term":{"peaks.id":"ama"}},{"range":{"peaks.side":{"gte":180,"lte":270}}}]}}""", "1,2")]
    [InlineData("""{"bool":{"filter":[{"term":{"peaks.id":"everest"}},{"bool":{"should":[{"range":{"peaks.side":{"gte":300,"lte":360}}},{"range":{"peaks.side":{"gte":0,"lte":215}}}],"minimum_should_match":1}}]}}""", "2")]
    [InlineData("""{"terms":{"peaks.id":["everest","lhotse"]}}""", "2,3")]
    [InlineData("""{"bool":{"must_not":[{"term":{"peaks.id":"ama"}}]}}""", "2,3")]
    [InlineData("""{"exists":{"field":"peaks.side"}}""", "1,2,3")]
    [InlineData("""{"match_all":{}}""", "1,2,3")]
    public async Task Nested_MatchesWithinOneObject(string inner, string expected)
    {
        var response = await _store.OkAsync("POST", "/p/_search", $$$"""{"query":{"bool":{"filter":[{"nested":{"path":"peaks","query":{{{inner}}}}}]}},"sort":["name"]}""");

        Assert.Equal(expected, string.Join(",", response["hits"]!["hits"]!.AsArray().Select(h => h!["_id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Mapping_KeepsNestedType()
    {
        var mapping = await _store.OkAsync("GET", "/p/_mapping");

        Assert.Equal("nested", mapping["p"]!["mappings"]!["properties"]!["peaks"]!["type"]!.GetValue<string>());
        Assert.Null(mapping["p"]!["mappings"]!["properties"]!["flat"]!["type"]);
    }

    [Theory]
    [InlineData("""{"nested":{"path":"flat","query":{"match_all":{}}}}""", "is not of nested type")]
    [InlineData("""{"nested":{"path":"nope","query":{"match_all":{}}}}""", "failed to find nested object under path [nope]")]
    [InlineData("""{"nested":{"path":"peaks"}}""", "[nested] requires")]
    [InlineData("""{"nested":{"path":"peaks","query":{"match_all":{}},"score_mode":"median"}}""", "No score mode for child query [median] found")]
    [InlineData("""{"nested":{"path":"peaks","query":{"match_all":{}},"inner_hits":{"foo":1}}}""", "[inner_hits] unknown field [foo]")]
    [InlineData("""{"nested":{"path":"peaks","query":{"match_all":{}},"inner_hits":{"script_fields":{}}}}""", "[inner_hits] [script_fields]")]
    [InlineData("""{"nested":{"path":"peaks","query":{"match_all":{}},"inner_hits":{"from":95,"size":6}}}""", "Inner result window is too large, the inner hit definition's [peaks]'s from + size must be less than or equal to: [100] but was [101]")]
    public async Task Nested_RefusesWhatItCannotDo(string query, string reason)
    {
        var (status, body) = await _store.SendAsync("POST", "/p/_search", $$$"""{"query":{{{query}}}}""");

        Assert.Equal(400, status);
        Assert.Contains(reason, body!.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nested_RunsAnyQueryOnTheObjects()
    {
        // Full-text queries used to be refused inside nested; the objects are documents of their own now.
        var response = await _store.OkAsync("POST", "/p/_search", """{"query":{"nested":{"path":"peaks","query":{"match":{"peaks.id":"everest"}}}},"sort":["name"]}""");

        Assert.Equal("2,3", string.Join(",", response["hits"]!["hits"]!.AsArray().Select(h => h!["_id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Nested_InnerHitsAreTheMatchingObjects()
    {
        // inner_hits used to be refused.
        var response = await _store.OkAsync("POST", "/p/_search", """{"query":{"nested":{"path":"peaks","query":{"term":{"peaks.id":"everest"}},"inner_hits":{}}},"sort":["name"]}""");

        var inner = response["hits"]!["hits"]![0]!["inner_hits"]!["peaks"]!["hits"]!;
        Assert.Equal(1, inner["total"]!["value"]!.GetValue<int>());
        Assert.Equal("2", inner["hits"]![0]!["_id"]!.GetValue<string>());
        Assert.Equal(1, inner["hits"]![0]!["_nested"]!["offset"]!.GetValue<int>());
        Assert.Equal("everest", inner["hits"]![0]!["_source"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nested_IgnoreUnmappedMatchesNothing()
    {
        var response = await _store.OkAsync("POST", "/p/_search", """{"query":{"nested":{"path":"nope","ignore_unmapped":true,"query":{"match_all":{}}}}}""");

        Assert.Empty(response["hits"]!["hits"]!.AsArray());
    }
}
