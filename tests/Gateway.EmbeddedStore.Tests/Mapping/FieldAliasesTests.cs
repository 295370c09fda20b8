using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Mapping;

public sealed class FieldAliasesTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private async Task SetUpAsync()
    {
        await _harness.OkAsync("PUT", "/a", """{"mappings":{"properties":{"distance":{"type":"long"},"route_length":{"type":"alias","path":"distance"},"tag":{"type":"keyword"},"label":{"type":"alias","path":"tag"}}}}""");
        await _harness.OkAsync("PUT", "/a/_doc/1", """{"distance":12,"tag":"x"}""");
        await _harness.OkAsync("PUT", "/a/_doc/2?refresh=true", """{"distance":3,"tag":"y"}""");
    }

    [Fact]
    public async Task Alias_IsQueriedAggregatedAndSortedAsItsTarget()
    {
        await SetUpAsync();

        var range = await _harness.OkAsync("POST", "/a/_search", """{"query":{"range":{"route_length":{"gte":10}}}}""");
        var term = await _harness.OkAsync("POST", "/a/_search", """{"query":{"term":{"label":"y"}}}""");
        var sorted = await _harness.OkAsync("POST", "/a/_search", """{"sort":[{"route_length":"asc"}]}""");
        var aggs = await _harness.OkAsync("POST", "/a/_search", """{"size":0,"aggs":{"m":{"max":{"field":"route_length"}},"t":{"terms":{"field":"label"}}}}""");
        var mapping = await _harness.OkAsync("GET", "/a/_mapping");

        Assert.Equal("1", range["hits"]!["hits"]![0]!["_id"]!.GetValue<string>());
        Assert.Equal("2", term["hits"]!["hits"]![0]!["_id"]!.GetValue<string>());
        Assert.Equal("2", sorted["hits"]!["hits"]![0]!["_id"]!.GetValue<string>());
        Assert.Equal(12, aggs["aggregations"]!["m"]!["value"]!.GetValue<double>());
        Assert.Equal(2, aggs["aggregations"]!["t"]!["buckets"]!.AsArray().Count);
        Assert.Equal("""{"type":"alias","path":"distance"}""", mapping["a"]!["mappings"]!["properties"]!["route_length"]!.ToJsonString());
    }

    [Fact]
    public async Task WritingToAnAlias_IsADocumentParsingException()
    {
        await SetUpAsync();

        var (status, error) = await _harness.SendAsync("PUT", "/a/_doc/3", """{"route_length":5}""");

        Assert.Equal(400, status);
        Assert.Equal("document_parsing_exception", error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("Cannot write to a field alias [route_length].", error["error"]!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"a":{"type":"alias"}}""", "The [path] property must be specified for field [a].")]
    [InlineData("""{"a":{"type":"alias","path":"missing"}}""", "Invalid [path] value [missing] for field alias [a]: an alias must refer to an existing field in the mappings.")]
    [InlineData("""{"a":{"type":"alias","path":"a"}}""", "Invalid [path] value [a] for field alias [a]: an alias cannot refer to itself.")]
    [InlineData("""{"f":{"type":"long"},"a":{"type":"alias","path":"b"},"b":{"type":"alias","path":"f"}}""", "Invalid [path] value [b] for field alias [a]: an alias cannot refer to another alias.")]
    [InlineData("""{"o":{"properties":{"x":{"type":"long"}}},"a":{"type":"alias","path":"o"}}""", "Invalid [path] value [o] for field alias [a]: an alias must refer to an existing field in the mappings.")]
    [InlineData("""{"n":{"type":"nested","properties":{"x":{"type":"long"}}},"a":{"type":"alias","path":"n.x"}}""", "Invalid [path] value [n.x] for field alias [a]: an alias must have the same nested scope as its target. The alias is not nested, but the target's nested scope is [n].")]
    [InlineData("""{"f":{"type":"long"},"a":{"type":"alias","path":"f","store":true}}""", "Mapping definition for [a] has unsupported parameters:  [store : true]")]
    public async Task BadAlias_IsMapperParsingException(string properties, string reason)
    {
        var (status, error) = await _harness.SendAsync("PUT", "/bad", "{\"mappings\":{\"properties\":" + properties + "}}");

        Assert.Equal(400, status);
        Assert.Equal("mapper_parsing_exception", error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("Failed to parse mapping: " + reason, error["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutMapping_AliasToAnExistingField_IsAccepted()
    {
        await _harness.OkAsync("PUT", "/a", """{"mappings":{"properties":{"f":{"type":"keyword"}}}}""");

        var (status, body) = await _harness.SendAsync("PUT", "/a/_mapping", """{"properties":{"g":{"type":"alias","path":"f"}}}""");

        Assert.True(status == 200, body?.ToJsonString());
    }

    public void Dispose() => _harness.Dispose();
}
