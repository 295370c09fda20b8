using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Scripting;

public sealed class ScriptedSearchTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public void Dispose() => _store.Dispose();

    private async Task SeedAsync()
    {
        await _store.OkAsync("PUT", "/t", """
            {"mappings":{"properties":{"name":{"type":"keyword"},"n":{"type":"integer"},"price":{"type":"double"},"on":{"type":"date"},
             "ok":{"type":"boolean"},"text":{"type":"text"},"v":{"type":"dense_vector","dims":3,"similarity":"l2_norm"},
             "b":{"type":"dense_vector","dims":3,"element_type":"byte","similarity":"l2_norm"}}}}
            """);
        await _store.OkAsync("PUT", "/t/_doc/1", """{"name":["b","a","b"],"n":1,"price":1.5,"on":"2020-01-02T03:04:05Z","ok":true,"text":"x","v":[1,0,0],"b":[1,2,3]}""");
        await _store.OkAsync("PUT", "/t/_doc/2", """{"name":"c","n":5,"price":10,"v":[0,1,0],"b":[-1,0,1]}""");
        await _store.OkAsync("PUT", "/t/_doc/3?refresh=true", """{"n":3}""");
    }

    private async Task<JsonNode> SearchAsync(string body) => await _store.OkAsync("POST", "/t/_search", body);

    private static List<string> Ids(JsonNode result) => result["hits"]!["hits"]!.AsArray().Select(h => h!["_id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task ScriptQuery_FiltersOnDocValuesAndParams()
    {
        await SeedAsync();

        var result = await SearchAsync("""{"query":{"script":{"script":{"source":"doc['n'].value > params.min && doc['name'].size() > 0","params":{"min":2}}}}}""");

        Assert.Equal(["2"], Ids(result));
        Assert.Equal(1.0, result["hits"]!["hits"]![0]!["_score"]!.GetValue<double>());
    }

    [Fact]
    public async Task ScriptScore_ScoresWithScoreAndVectors()
    {
        await SeedAsync();

        var result = await SearchAsync("""
            {"query":{"script_score":{"query":{"exists":{"field":"v"}},"script":{"source":"cosineSimilarity(params.q, 'v') + 1.0 + _score","params":{"q":[1,0,0]}}}}}
            """);
        var hits = result["hits"]!["hits"]!.AsArray();

        Assert.Equal(["1", "2"], Ids(result));
        Assert.Equal(3.0, hits[0]!["_score"]!.GetValue<double>(), 5);
        Assert.Equal(2.0, hits[1]!["_score"]!.GetValue<double>(), 5);
    }

    [Theory]
    [InlineData("dotProduct(params.q, 'v')", 2.0)]
    [InlineData("l1norm(params.q, 'v')", 5.0)]
    [InlineData("l2norm(params.q, 'v')", 3.31662479)]
    [InlineData("dotProduct(params.q, 'b')", 13.0)]
    [InlineData("l1norm(params.q, 'b')", 2.0)]
    [InlineData("hamming(params.q, 'b')", 4.0)]
    [InlineData("cosineSimilarity(params.q, doc['v'])", 0.53452248)]
    public async Task VectorFunctions_FollowElasticsearch(string source, double expected)
    {
        await SeedAsync();

        var body = new JsonObject
        {
            ["query"] = new JsonObject
            {
                ["script_score"] = new JsonObject
                {
                    ["query"] = new JsonObject { ["ids"] = new JsonObject { ["values"] = new JsonArray("1") } },
                    ["script"] = new JsonObject { ["source"] = source, ["params"] = new JsonObject { ["q"] = new JsonArray(2, 1, 3) } },
                },
            },
        };
        var result = await SearchAsync(body.ToJsonString());

        Assert.Equal(expected, result["hits"]!["hits"]![0]!["_score"]!.GetValue<double>(), 4);
    }

    [Theory]
    [InlineData("""{"query":{"script_score":{"query":{"match_all":{}},"script":"-1"}}}""", "illegal_argument_exception", "script_score script returned an invalid score [-1.0]")]
    [InlineData("""{"query":{"script":{"script":"doc['missing'].value"}}}""", "script_exception", "runtime error")]
    [InlineData("""{"query":{"script":{"script":"doc['text'].value"}}}""", "script_exception", "runtime error")]
    [InlineData("""{"query":{"script":{"script":"doc['n'].value"}}}""", "script_exception", "runtime error")]
    [InlineData("""{"query":{"script_score":{"query":{"match_all":{}},"script":{"source":"dotProduct(params.q, 'v')","params":{"q":[1,2]}}}}}""", "script_exception", "runtime error")]
    public async Task Failures_AreSearchPhaseFailures(string body, string rootType, string rootReason)
    {
        await SeedAsync();

        var (status, error) = await _store.SendAsync("POST", "/t/_search", body);

        Assert.Equal(400, status);
        Assert.Equal("search_phase_execution_exception", error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(rootType, error["error"]!["root_cause"]![0]!["type"]!.GetValue<string>());
        Assert.StartsWith(rootReason, error["error"]!["root_cause"]![0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFieldAndValue_HaveElasticsearchMessages()
    {
        await SeedAsync();

        var (_, unmapped) = await _store.SendAsync("POST", "/t/_search", """{"query":{"script":{"script":"doc['missing'].value == 1"}}}""");
        var (_, empty) = await _store.SendAsync("POST", "/t/_search", """{"query":{"script":{"script":"doc['price'].value > 1"}}}""");

        Assert.Equal("No field found for [missing] in mapping", unmapped!["error"]!["failed_shards"]![0]!["reason"]!["caused_by"]!["reason"]!.GetValue<string>());
        Assert.Equal("illegal_state_exception", empty!["error"]!["caused_by"]!["caused_by"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ScriptFields_RenderValuesPerHit()
    {
        await SeedAsync();

        var result = await SearchAsync("""
            {"query":{"ids":{"values":["1"]}},"script_fields":{
              "twice":{"script":{"source":"doc['n'].value * params.f","params":{"f":2}}},
              "names":{"script":"doc['name']"},
              "src":{"script":"params['_source']['price']"},
              "year":{"script":"doc['on'].value.getYear()"},
              "bad":{"script":"doc['text'].value","ignore_failure":true}}}
            """);
        var fields = result["hits"]!["hits"]![0]!["fields"]!;

        Assert.Equal("[2]", fields["twice"]!.ToJsonString());
        Assert.Equal("""["a","b"]""", fields["names"]!.ToJsonString());
        Assert.Equal("[1.5]", fields["src"]!.ToJsonString());
        Assert.Equal("[2020]", fields["year"]!.ToJsonString());
        Assert.Null(fields["bad"]);
    }

    [Fact]
    public async Task ScriptFields_LimitIsTheIndexSetting()
    {
        await _store.OkAsync("PUT", "/lim", """{"settings":{"index.max_script_fields":1}}""");

        var (status, error) = await _store.SendAsync("POST", "/lim/_search", """{"script_fields":{"a":{"script":"1"},"b":{"script":"2"}}}""");

        Assert.Equal(400, status);
        Assert.Contains("Trying to retrieve too many script_fields. Must be less than or equal to: [1] but was [2].", error!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptSort_NumberAndString()
    {
        await SeedAsync();

        var numbers = await SearchAsync("""{"sort":[{"_script":{"type":"number","order":"desc","script":{"source":"doc['n'].value * params.m","params":{"m":-1}}}}]}""");
        var strings = await SearchAsync("""{"sort":[{"_script":{"type":"string","script":"doc['name'].size() == 0 ? 'z' : doc['name'].value"}}]}""");

        Assert.Equal(["1", "3", "2"], Ids(numbers));
        Assert.Equal("-1.0", numbers["hits"]!["hits"]![0]!["sort"]![0]!.ToJsonString());
        Assert.Equal(["1", "2", "3"], Ids(strings));
    }

    [Theory]
    [InlineData("""{"sort":[{"_script":{"script":"1"}}]}""")]
    [InlineData("""{"sort":[{"_script":{"type":"bogus","script":"1"}}]}""")]
    [InlineData("""{"query":{"script":{}}}""")]
    [InlineData("""{"query":{"script_score":{"script":"1"}}}""")]
    [InlineData("""{"script_fields":{"a":{}}}""")]
    public async Task BadRequests_AreRefused(string body)
    {
        await SeedAsync();

        var (status, _) = await _store.SendAsync("POST", "/t/_search", body);

        Assert.Equal(400, status);
    }
}
