using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class FieldMappingEndpointTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private async Task SeedAsync()
    {
        foreach (var index in new[] { "test_index", "test_index_2" })
        {
            await _harness.OkAsync("PUT", "/" + index, """
                {"mappings":{"properties":{"t1":{"type":"text"},"t2":{"type":"text","fields":{"raw":{"type":"keyword"}}},
                 "obj":{"properties":{"t1":{"type":"text"},"i_t1":{"type":"text"},"i_t3":{"type":"long"}}}}}}
                """);
        }
    }

    [Fact]
    public async Task FieldMapping_ExactNamesAndPatterns()
    {
        await SeedAsync();
        var exact = await _harness.OkAsync("GET", "/test_index/_mapping/field/t1,nope");
        var suffix = await _harness.OkAsync("GET", "/test_index/_mapping/field/*t1");
        var all = await _harness.OkAsync("GET", "/_mapping/field/t*");
        var objectByName = await _harness.OkAsync("GET", "/test_index/_mapping/field/obj");
        var multiField = await _harness.OkAsync("GET", "/test_index/_mapping/field/t2.raw");

        Assert.Equal("""{"test_index":{"mappings":{"t1":{"full_name":"t1","mapping":{"t1":{"type":"text"}}}}}}""", exact.ToJsonString());
        Assert.Equal(["obj.i_t1", "obj.t1", "t1"], suffix["test_index"]!["mappings"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(3, all["test_index_2"]!["mappings"]!.AsObject().Count);
        Assert.Equal("obj", objectByName["test_index"]!["mappings"]!["obj"]!["full_name"]!.GetValue<string>());
        Assert.Equal("keyword", multiField["test_index"]!["mappings"]!["t2.raw"]!["mapping"]!["raw"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task FieldMapping_IncludeDefaults_AndMissingIndex()
    {
        await SeedAsync();
        var defaults = await _harness.OkAsync("GET", "/test_index/_mapping/field/t1?include_defaults=true");
        var (status, error) = await _harness.SendAsync("GET", "/missing/_mapping/field/t1");

        Assert.Equal("default", defaults["test_index"]!["mappings"]!["t1"]!["mapping"]!["t1"]!["analyzer"]!.GetValue<string>());
        Assert.Equal(404, status);
        Assert.Equal("index_not_found_exception", error!["error"]!["type"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
