using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Mapping;

/// <summary>The <c>scaled_float</c> and <c>flattened</c> types, <c>ignore_malformed</c> and the <c>_ignored</c> metadata field.</summary>
public sealed class FieldTypesTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private async Task<JsonNode> SearchAsync(string index, string body) => await _harness.OkAsync("POST", "/" + index + "/_search", body);

    private async Task<string> IdsAsync(string index, string query)
    {
        var hits = (await SearchAsync(index, "{\"query\":" + query + "}"))["hits"]!["hits"]!.AsArray();
        return string.Join(",", hits.Select(h => h!["_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    private async Task<(int Status, JsonNode? Body)> CreateAsync(string mapping) =>
        await _harness.SendAsync("PUT", "/bad", "{\"mappings\":{\"properties\":" + mapping + "}}");

    [Fact]
    public async Task ScaledFloat_RoundsValuesAndTermsToTheScalingFactor()
    {
        await _harness.OkAsync("PUT", "/p", """{"mappings":{"properties":{"price":{"type":"scaled_float","scaling_factor":10}}}}""");
        await _harness.OkAsync("PUT", "/p/_doc/1", """{"price":1.04}""");
        await _harness.OkAsync("PUT", "/p/_doc/2?refresh=true", """{"price":"2.36"}""");

        Assert.Equal("1", await IdsAsync("p", """{"term":{"price":1.0}}"""));
        Assert.Equal("1", await IdsAsync("p", """{"match":{"price":0.96}}"""));
        Assert.Equal("2", await IdsAsync("p", """{"range":{"price":{"gt":2.35}}}"""));
        Assert.Equal("1,2", await IdsAsync("p", """{"range":{"price":{"gte":1.0,"lte":2.4}}}"""));
        var hit = (await SearchAsync("p", """{"query":{"ids":{"values":["2"]}},"fields":["price"],"aggs":{"s":{"sum":{"field":"price"}}}}"""));
        Assert.Equal(2.4, hit["hits"]!["hits"]![0]!["fields"]!["price"]![0]!.GetValue<double>(), 6);
        Assert.Equal(2.4, hit["aggregations"]!["s"]!["value"]!.GetValue<double>(), 6);
        var mapping = await _harness.OkAsync("GET", "/p/_mapping");
        Assert.Equal(10.0, mapping["p"]!["mappings"]!["properties"]!["price"]!["scaling_factor"]!.GetValue<double>());
    }

    [Fact]
    public async Task TokenCount_IndexesTheNumberOfTokens()
    {
        await _harness.OkAsync("PUT", "/c", """{"mappings":{"properties":{"title":{"type":"text","fields":{"words":{"type":"token_count","analyzer":"standard"}}},"tags":{"type":"token_count","analyzer":"whitespace"}}}}""");
        await _harness.OkAsync("PUT", "/c/_doc/1", """{"title":"The quick brown fox","tags":["a-b c","d"]}""");
        await _harness.OkAsync("PUT", "/c/_doc/2?refresh=true", """{"title":"Hello, world!"}""");

        Assert.Equal("1", await IdsAsync("c", """{"range":{"title.words":{"gte":3}}}"""));
        Assert.Equal("2", await IdsAsync("c", """{"term":{"title.words":2}}"""));
        var hit = (await SearchAsync("c", """{"query":{"ids":{"values":["1"]}},"fields":["tags","title.words"]}"""))["hits"]!["hits"]![0]!;
        Assert.Equal("[2,1]", hit["fields"]!["tags"]!.ToJsonString());
        Assert.Equal("[4]", hit["fields"]!["title.words"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"f":{"type":"token_count"}}""", "Failed to parse mapping: Analyzer must be set for field [f] but wasn't.")]
    [InlineData("""{"f":{"type":"scaled_float"}}""", "Failed to parse mapping: Field [scaling_factor] is required")]
    [InlineData("""{"f":{"type":"scaled_float","scaling_factor":0}}""", "Failed to parse mapping: [scaling_factor] must be a positive number, got [0]")]
    [InlineData("""{"f":{"type":"scaled_float","scaling_factor":"x"}}""", "Failed to parse mapping: [scaling_factor] must be a number, got [\"x\"]")]
    [InlineData("""{"f":{"type":"keyword","ignore_malformed":true}}""", "Failed to parse mapping: unknown parameter [ignore_malformed] on mapper [f] of type [keyword]")]
    [InlineData("""{"f":{"type":"flattened","depth_limit":-1}}""", "Failed to parse mapping: [depth_limit] must be positive, got [-1]")]
    public async Task BadMappings_AreRefused(string mapping, string reason)
    {
        var (status, body) = await CreateAsync(mapping);

        Assert.Equal(400, status);
        Assert.Equal("mapper_parsing_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task IgnoreMalformed_LeavesOutBadValuesAndListsTheFieldInIgnored()
    {
        await _harness.OkAsync("PUT", "/m", """
            {"mappings":{"properties":{
              "n":{"type":"long","ignore_malformed":true},
              "d":{"type":"date","ignore_malformed":true},
              "b":{"type":"boolean","ignore_malformed":true},
              "g":{"type":"geo_point","ignore_malformed":true},
              "k":{"type":"keyword","ignore_above":3},
              "strict":{"type":"long"}}}}
            """);
        await _harness.OkAsync("PUT", "/m/_doc/1", """{"n":[1,"two",3],"d":"2024-01-01","k":"abcdef"}""");
        await _harness.OkAsync("PUT", "/m/_doc/2", """{"n":4,"d":{"not":"a date"},"b":"maybe","g":"not a point"}""");
        await _harness.OkAsync("PUT", "/m/_doc/3?refresh=true", """{"n":5,"k":"abc"}""");

        Assert.Equal("1,2", await IdsAsync("m", """{"exists":{"field":"_ignored"}}"""));
        Assert.Equal("1", await IdsAsync("m", """{"term":{"_ignored":"n"}}"""));
        Assert.Equal("1,2", await IdsAsync("m", """{"terms":{"_ignored":["k","g"]}}"""));
        Assert.Equal("1", await IdsAsync("m", """{"range":{"n":{"gte":3,"lte":3}}}"""));
        Assert.Equal("1,3", await IdsAsync("m", """{"bool":{"should":[{"term":{"k":"abc"}},{"term":{"n":1}}]}}"""));

        var hit = (await SearchAsync("m", """{"query":{"ids":{"values":["1"]}},"fields":["n","k"]}"""))["hits"]!["hits"]![0]!;
        Assert.Equal(["k", "n"], hit["_ignored"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal([1L, 3L], hit["fields"]!["n"]!.AsArray().Select(v => v!.GetValue<long>()));
        Assert.Equal("two", hit["ignored_field_values"]!["n"]![0]!.GetValue<string>());
        Assert.Equal("abcdef", hit["ignored_field_values"]!["k"]![0]!.GetValue<string>());
        Assert.Null(hit["fields"]!["_ignored"]);

        var other = (await SearchAsync("m", """{"query":{"ids":{"values":["2"]}},"fields":["_ignored"]}"""))["hits"]!["hits"]![0]!;
        Assert.Equal(["b", "d", "g"], other["fields"]!["_ignored"]!.AsArray().Select(v => v!.GetValue<string>()));

        var agg = await SearchAsync("m", """{"size":0,"aggs":{"i":{"terms":{"field":"_ignored"}}}}""");
        Assert.Equal(5, agg["aggregations"]!["i"]!["buckets"]!.AsArray().Count);
    }

    [Fact]
    public async Task IgnoreMalformed_StillRefusesObjectsForNumbersAndEverythingWithoutIt()
    {
        await _harness.OkAsync("PUT", "/m", """{"mappings":{"properties":{"n":{"type":"long","ignore_malformed":true},"strict":{"type":"long"}}}}""");

        var (status, body) = await _harness.SendAsync("PUT", "/m/_doc/1", """{"n":{"a":1}}""");
        Assert.Equal(400, status);
        Assert.Equal("failed to parse field [n] of type [long] in document with id '1'. Preview of field's value: '{a=1}'", body!["error"]!["reason"]!.GetValue<string>());

        (status, body) = await _harness.SendAsync("PUT", "/m/_doc/2", """{"strict":"x"}""");
        Assert.Equal(400, status);
        Assert.Equal("document_parsing_exception", body!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Flattened_IndexesLeavesUnderTheFieldAndItsKeys()
    {
        await _harness.OkAsync("PUT", "/f", """{"mappings":{"properties":{"labels":{"type":"flattened","ignore_above":6,"null_value":"none"}}}}""");
        await _harness.OkAsync("PUT", "/f/_doc/1", """{"labels":{"release":["v1","v2"],"priority":"urgent","meta":{"owner":"ann","n":7,"ok":true}}}""");
        await _harness.OkAsync("PUT", "/f/_doc/2", """{"labels":{"release":"v3","priority":null,"note":"far too long"}}""");
        await _harness.OkAsync("PUT", "/f/_doc/3?refresh=true", """{"labels":{"other":"v1"}}""");

        Assert.Equal("1,3", await IdsAsync("f", """{"term":{"labels":"v1"}}"""));
        Assert.Equal("1", await IdsAsync("f", """{"term":{"labels.release":"v1"}}"""));
        Assert.Equal("1", await IdsAsync("f", """{"term":{"labels.meta.owner":"ann"}}"""));
        Assert.Equal("1", await IdsAsync("f", """{"term":{"labels.meta.n":"7"}}"""));
        Assert.Equal("1", await IdsAsync("f", """{"term":{"labels.meta.ok":"true"}}"""));
        Assert.Equal("2", await IdsAsync("f", """{"term":{"labels.priority":"none"}}"""));
        Assert.Equal("", await IdsAsync("f", """{"term":{"labels.note":"far too long"}}"""));
        Assert.Equal("1,2", await IdsAsync("f", """{"prefix":{"labels.release":"v"}}"""));
        Assert.Equal("1,2", await IdsAsync("f", """{"exists":{"field":"labels.release"}}"""));
        Assert.Equal("1,2,3", await IdsAsync("f", """{"exists":{"field":"labels"}}"""));

        var agg = await SearchAsync("f", """{"size":0,"aggs":{"r":{"terms":{"field":"labels.release"}}}}""");
        Assert.Equal(3, agg["aggregations"]!["r"]!["buckets"]!.AsArray().Count);

        var hit = (await SearchAsync("f", """{"query":{"ids":{"values":["2"]}},"fields":["labels","labels.release","lab*"]}"""))["hits"]!["hits"]![0]!;
        Assert.Equal("""[{"release":"v3","priority":null}]""", hit["fields"]!["labels"]!.ToJsonString());
        Assert.Equal("v3", hit["fields"]!["labels.release"]![0]!.GetValue<string>());
        Assert.Equal(2, hit["fields"]!.AsObject().Count);
        var mapping = await _harness.OkAsync("GET", "/f/_mapping");
        Assert.Equal("flattened", mapping["f"]!["mappings"]!["properties"]!["labels"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"labels":"plain"}""", "failed to parse field [labels] of type [flattened] in document with id '1'. Preview of field's value: 'plain'")]
    [InlineData("""{"labels":{"a":{"b":{"c":1}}}}""", "The provided [flattened] field [labels] exceeds the maximum depth limit of [2].")]
    public async Task Flattened_RefusesScalarsAndObjectsTooDeep(string document, string reason)
    {
        await _harness.OkAsync("PUT", "/f", """{"mappings":{"properties":{"labels":{"type":"flattened","depth_limit":2}}}}""");

        var (status, body) = await _harness.SendAsync("PUT", "/f/_doc/1", document);

        Assert.Equal(400, status);
        Assert.Equal("document_parsing_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["reason"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
