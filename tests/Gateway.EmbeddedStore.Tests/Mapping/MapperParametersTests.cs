using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Mapping;

public sealed class MapperParametersTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Theory]
    [InlineData("""{"f":{"type":"keyword","analyzer":"standard"}}""", "Failed to parse mapping: unknown parameter [analyzer] on mapper [f] of type [keyword]")]
    [InlineData("""{"f":{"type":"text","ignore_above":3}}""", "Failed to parse mapping: unknown parameter [ignore_above] on mapper [f] of type [text]")]
    [InlineData("""{"f":{"type":"long","format":"x"}}""", "Failed to parse mapping: unknown parameter [format] on mapper [f] of type [long]")]
    [InlineData("""{"f":{"type":"date","scaling_factor":10}}""", "Failed to parse mapping: unknown parameter [scaling_factor] on mapper [f] of type [date]")]
    [InlineData("""{"f":{"type":"boolean","foo":true}}""", "Failed to parse mapping: unknown parameter [foo] on mapper [f] of type [boolean]")]
    [InlineData("""{"f":{"type":"binary","index":true}}""", "Failed to parse mapping: unknown parameter [index] on mapper [f] of type [binary]")]
    [InlineData("""{"f":{"type":"text","fields":{"raw":{"type":"keyword","bogus":1}}}}""", "Failed to parse mapping: unknown parameter [bogus] on mapper [raw] of type [keyword]")]
    [InlineData("""{"o":{"properties":{},"foo":"bar"}}""", "Failed to parse mapping: Mapping definition for [o] has unsupported parameters:  [foo : bar]")]
    [InlineData("""{"n":{"type":"nested","subobjects":false}}""", "Failed to parse mapping: Mapping definition for [n] has unsupported parameters:  [subobjects : false]")]
    public async Task UnknownParameter_IsMapperParsingException(string properties, string reason)
    {
        var (status, error) = await _harness.SendAsync("PUT", "/bad", "{\"mappings\":{\"properties\":" + properties + "}}");

        Assert.Equal(400, status);
        Assert.Equal("mapper_parsing_exception", error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, error["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownParameter_InPutMapping_IsRefusedAndChangesNothing()
    {
        await _harness.OkAsync("PUT", "/m", """{"mappings":{"properties":{"k":{"type":"keyword"}}}}""");

        var (status, error) = await _harness.SendAsync("PUT", "/m/_mapping", """{"properties":{"n":{"type":"integer","ignore_above":1}}}""");
        var mapping = await _harness.OkAsync("GET", "/m/_mapping");

        Assert.Equal(400, status);
        Assert.Equal("unknown parameter [ignore_above] on mapper [n] of type [integer]", error!["error"]!["reason"]!.GetValue<string>());
        Assert.Null(mapping["m"]!["mappings"]!["properties"]!["n"]);
    }

    [Theory]
    [InlineData("""{"f":{"type":"keyword","doc_values":false,"store":true,"null_value":"x","eager_global_ordinals":true,"meta":{"unit":"none"}}}""")]
    [InlineData("""{"f":{"type":"text","analyzer":"standard","search_analyzer":"standard","norms":false,"index_options":"freqs"}}""")]
    [InlineData("""{"f":{"type":"long","coerce":false,"null_value":1,"doc_values":true}}""")]
    [InlineData("""{"f":{"type":"date","format":"yyyy","locale":"en","null_value":"2020"}}""")]
    [InlineData("""{"o":{"dynamic":"strict","enabled":true,"properties":{"x":{"type":"long"}}}}""")]
    [InlineData("""{"n":{"type":"nested","include_in_parent":true,"include_in_root":false}}""")]
    public async Task KnownParameters_AreAccepted(string properties)
    {
        var (status, body) = await _harness.SendAsync("PUT", "/good", "{\"mappings\":{\"properties\":" + properties + "}}");

        Assert.True(status == 200, body?.ToJsonString());
    }

    public void Dispose() => _harness.Dispose();
}
