using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Mapping;

public sealed class CopyToTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private async Task<int> CountAsync(string query) =>
        (await _harness.OkAsync("POST", "/c/_search", "{\"query\":" + query + "}"))["hits"]!["total"]!["value"]!.GetValue<int>();

    [Fact]
    public async Task CopyTo_IndexesValuesIntoTheTargets_AndLeavesTheSourceAlone()
    {
        await _harness.OkAsync("PUT", "/c", """
            {"mappings":{"properties":{
              "first":{"type":"text","copy_to":"full"},
              "last":{"type":"text","copy_to":["full","names"]},
              "full":{"type":"text"},
              "names":{"type":"keyword"}}}}
            """);
        await _harness.OkAsync("PUT", "/c/_doc/1?refresh=true", """{"first":"John","last":"Smith"}""");

        var got = await _harness.OkAsync("GET", "/c/_doc/1");

        Assert.Equal(1, await CountAsync("""{"match":{"full":{"query":"john smith","operator":"and"}}}"""));
        Assert.Equal(1, await CountAsync("""{"term":{"names":"Smith"}}"""));
        Assert.Equal(0, await CountAsync("""{"term":{"names":"John"}}"""));
        Assert.Equal("""{"first":"John","last":"Smith"}""", got["_source"]!.ToJsonString());
    }

    [Fact]
    public async Task CopyTo_AnUnmappedTarget_IsMappedDynamically()
    {
        await _harness.OkAsync("PUT", "/c", """{"mappings":{"properties":{"n":{"type":"long","copy_to":"all_numbers"}}}}""");
        await _harness.OkAsync("PUT", "/c/_doc/1?refresh=true", """{"n":[4,5]}""");

        var mapping = await _harness.OkAsync("GET", "/c/_mapping");

        Assert.Equal("long", mapping["c"]!["mappings"]!["properties"]!["all_numbers"]!["type"]!.GetValue<string>());
        Assert.Equal(1, await CountAsync("""{"term":{"all_numbers":5}}"""));
    }

    [Fact]
    public async Task CopyTo_AnObject_FailsTheDocument()
    {
        await _harness.OkAsync("PUT", "/c", """{"mappings":{"properties":{"k":{"type":"keyword","copy_to":"o"},"o":{"properties":{"x":{"type":"long"}}}}}}""");

        var (status, error) = await _harness.SendAsync("PUT", "/c/_doc/1", """{"k":"a"}""");

        Assert.Equal(400, status);
        Assert.Equal("Cannot copy to field [o] since it is mapped as an object", error!["error"]!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"t":{"type":"text","fields":{"raw":{"type":"keyword","copy_to":"x"}}}}""", "[copy_to] may not be used to copy from a multi-field: [t.raw]")]
    [InlineData("""{"t":{"type":"text","copy_to":{"a":1}}}""", "[copy_to] on field [t] must be a field name or a list of field names")]
    public async Task BadCopyTo_IsMapperParsingException(string properties, string reason)
    {
        var (status, error) = await _harness.SendAsync("PUT", "/bad", "{\"mappings\":{\"properties\":" + properties + "}}");

        Assert.Equal(400, status);
        Assert.Equal("mapper_parsing_exception", error!["error"]!["type"]!.GetValue<string>());
        Assert.EndsWith(reason, error["error"]!["reason"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
