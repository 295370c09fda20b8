using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>Field collapsing: one hit per group, paging of groups, inner hits per group, and what is refused.</summary>
public sealed class CollapseTests : IDisposable
{
    // Error reasons hold quotes and backticks, which the default encoder escapes.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly StoreHarness _store = StoreHarness.InMemory();

    public CollapseTests()
    {
        Ok("PUT", "/c", """{"mappings":{"properties":{"group":{"type":"keyword"},"n":{"type":"integer"},"rank":{"type":"integer"},"text":{"type":"text"}}}}""");
        var docs = new[]
        {
            """{"group":"a","n":1,"rank":10}""",
            """{"group":"a","n":1,"rank":30}""",
            """{"group":"b","n":2,"rank":20}""",
            """{"rank":5}""",
            """{"rank":1}""",
        };
        for (var i = 0; i < docs.Length; i++)
        {
            Ok("PUT", $"/c/_doc/{i + 1}", docs[i]);
        }

        Ok("POST", "/c/_refresh");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Collapse_KeepsTheFirstHitOfEachGroupAndCountsEveryMatch()
    {
        var response = await SearchAsync("""{"collapse":{"field":"group"},"sort":[{"rank":"desc"}]}""");

        Assert.Equal(5, response["hits"]!["total"]!["value"]!.GetValue<long>());
        var hits = response["hits"]!["hits"]!.AsArray();
        Assert.Equal("2,3,4", Ids(hits));
        Assert.Equal("""["a"]""", hits[0]!["fields"]!["group"]!.ToJsonString());
        Assert.Equal("[null]", hits[2]!["fields"]!["group"]!.ToJsonString());
    }

    [Fact]
    public async Task Collapse_OnANumberPagesGroups()
    {
        var hits = (await SearchAsync("""{"collapse":{"field":"n"},"sort":[{"rank":"desc"}],"from":1,"size":1}"""))["hits"]!["hits"]!.AsArray();

        Assert.Equal("3", Ids(hits));
        Assert.Equal("[2]", hits[0]!["fields"]!["n"]!.ToJsonString());
    }

    [Fact]
    public async Task Collapse_InnerHitsAreTheGroupsMatches()
    {
        var hits = (await SearchAsync("""
            {"collapse":{"field":"group","max_concurrent_group_searches":2,"inner_hits":[{"name":"low","size":1,"sort":[{"rank":"asc"}]},{"name":"all","sort":["rank"]}]},
             "sort":[{"rank":"desc"}]}
            """))["hits"]!["hits"]!.AsArray();

        var low = hits[0]!["inner_hits"]!["low"]!["hits"]!;
        Assert.Equal(2, low["total"]!["value"]!.GetValue<long>());
        Assert.Equal("1", Ids(low["hits"]!.AsArray()));
        Assert.Equal("1,2", Ids(hits[0]!["inner_hits"]!["all"]!["hits"]!["hits"]!.AsArray()));
        Assert.Equal("5,4", Ids(hits[2]!["inner_hits"]!["all"]!["hits"]!["hits"]!.AsArray()));
        Assert.Null(hits[0]!["inner_hits"]!["all"]!["hits"]!["hits"]![0]!["inner_hits"]);
    }

    [Fact]
    public async Task Collapse_SearchAfterOnTheCollapseField()
    {
        var hits = (await SearchAsync("""{"collapse":{"field":"n"},"sort":[{"n":"desc"}],"search_after":[2]}"""))["hits"]!["hits"]!.AsArray();

        Assert.Equal("[1]", hits[0]!["fields"]!["n"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"collapse":{"field":"text"}}""", "collapse is not supported for the field [text] of the type [text]")]
    [InlineData("""{"collapse":{"field":"nope"}}""", "no mapping found for `nope` in order to collapse on")]
    [InlineData("""{"collapse":{}}""", "no collapse field specified")]
    [InlineData("""{"collapse":{"field":"group","inner_hits":{}}}""", "inner_hits must have a [name]; set the [name] field in the inner_hits definition")]
    [InlineData("""{"collapse":{"field":"group","max_concurrent_group_searches":0}}""", "maxConcurrentGroupRequests` must be positive")]
    [InlineData("""{"collapse":{"field":"group","foo":1}}""", "[collapse] unknown field [foo]")]
    [InlineData("""{"collapse":{"field":"group","inner_hits":{"name":"x","collapse":{"field":"n","inner_hits":{}}}}}""", "[collapse] of an inner hit cannot hold [inner_hits]")]
    [InlineData("""{"collapse":{"field":"group"},"sort":[{"rank":"desc"}],"search_after":[3]}""", "Cannot use [collapse] in conjunction with [search_after] unless the search is sorted on the same field.")]
    [InlineData("""{"collapse":{"field":"group"},"sort":[{"rank":"desc"}],"rescore":{"query":{"rescore_query":{"match_all":{}}}}}""", "Cannot use [sort] option in conjunction with [rescore].")]
    public async Task Collapse_BadRequestsAreRefused(string body, string reason)
    {
        var (status, json) = await _store.SendAsync("POST", "/c/_search", body);

        Assert.Equal(400, status);
        Assert.Contains(reason, json!.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"doc_values":false}""", """{"collapse":{"field":"f"}}""", "cannot collapse on field `f` without `doc_values`")]
    [InlineData("""{"index":false}""", """{"collapse":{"field":"f","inner_hits":{"name":"x"}}}""", "cannot expand `inner_hits` for collapse field `f`, only indexed field can retrieve `inner_hits`")]
    public async Task Collapse_NeedsDocValuesAndAnIndexForInnerHits(string options, string body, string reason)
    {
        var mapping = """{"mappings":{"properties":{"f":OPTIONS}}}""".Replace("OPTIONS", options.Replace("{", """{"type":"keyword",""", StringComparison.Ordinal), StringComparison.Ordinal);
        await _store.OkAsync("PUT", "/d", mapping);

        var (status, json) = await _store.SendAsync("POST", "/d/_search", body);

        Assert.Equal(400, status);
        Assert.Contains(reason, json!.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collapse_OnAMultiValuedFieldFails()
    {
        await _store.OkAsync("PUT", "/c/_doc/6?refresh=true", """{"group":["a","b"],"rank":100}""");

        var (status, json) = await _store.SendAsync("POST", "/c/_search", """{"collapse":{"field":"group"}}""");

        Assert.Equal(500, status);
        Assert.Contains("the collapse field must be single valued", json!.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collapse_InAScrollIsRefused()
    {
        var (status, json) = await _store.SendAsync("POST", "/c/_search?scroll=1m", """{"collapse":{"field":"group"}}""");

        Assert.Equal(400, status);
        Assert.Contains("cannot use `collapse` in a scroll context", json!.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    private Task<JsonNode> SearchAsync(string body) => _store.OkAsync("POST", "/c/_search", body);

    private void Ok(string method, string path, string? body = null) => _store.OkAsync(method, path, body).GetAwaiter().GetResult();

    private static string Ids(JsonArray hits) => string.Join(",", hits.Select(h => h!["_id"]!.GetValue<string>()));
}
