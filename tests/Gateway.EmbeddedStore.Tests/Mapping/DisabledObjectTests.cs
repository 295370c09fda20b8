using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Mapping;

public sealed class DisabledObjectTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Fact]
    public async Task DisabledObject_KeepsAnyValueInSource_AndIndexesNothingOfIt()
    {
        await _harness.OkAsync("PUT", "/o", """{"mappings":{"properties":{"session":{"type":"object","enabled":false},"k":{"type":"keyword"}}}}""");
        await _harness.OkAsync("PUT", "/o/_doc/1", """{"k":"a","session":{"user":"x","n":1}}""");
        await _harness.OkAsync("PUT", "/o/_doc/2?refresh=true", """{"k":"b","session":"just a string"}""");

        var got = await _harness.OkAsync("GET", "/o/_doc/2");
        var term = await _harness.OkAsync("POST", "/o/_search", """{"query":{"term":{"session.user":"x"}}}""");
        var exists = await _harness.OkAsync("POST", "/o/_search", """{"query":{"exists":{"field":"session"}}}""");
        var mapping = await _harness.OkAsync("GET", "/o/_mapping");

        Assert.Equal("just a string", got["_source"]!["session"]!.GetValue<string>());
        Assert.Equal(0, term["hits"]!["total"]!["value"]!.GetValue<int>());
        Assert.Equal(0, exists["hits"]!["total"]!["value"]!.GetValue<int>());
        Assert.Equal("""{"enabled":false}""", mapping["o"]!["mappings"]!["properties"]!["session"]!.ToJsonString());
    }

    [Fact]
    public async Task Enabled_MustBeABoolean()
    {
        var (status, error) = await _harness.SendAsync("PUT", "/o", """{"mappings":{"properties":{"session":{"type":"object","enabled":"sometimes"}}}}""");

        Assert.Equal(400, status);
        Assert.Equal("mapper_parsing_exception", error!["error"]!["type"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
