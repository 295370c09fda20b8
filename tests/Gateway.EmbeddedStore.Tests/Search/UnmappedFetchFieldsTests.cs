using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary><c>fields</c> with <c>include_unmapped</c>: source values under paths the mapping does not know.</summary>
public sealed class UnmappedFetchFieldsTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public UnmappedFetchFieldsTests()
    {
        Ok("PUT", "/u", """{"mappings":{"dynamic":false,"properties":{"f1":{"type":"keyword"},"f3":{"type":"object"},"loc":{"type":"geo_point"}}}}""");
        Ok("PUT", "/u/_doc/1?refresh=true", """{"f1":"some text","f3":{"c":"baz"},"f4":"other","f5":[{"x":1},{"x":[2,null]}],"loc":{"lat":1,"lon":2},"g":7}""");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task IncludeUnmapped_AddsTheSourceValuesOfUnmappedPaths()
    {
        var fields = await FieldsAsync("""{"fields":[{"field":"f*","include_unmapped":true}]}""");

        Assert.Equal("""["some text"]""", fields["f1"]!.ToJsonString());
        Assert.Equal("""["baz"]""", fields["f3.c"]!.ToJsonString());
        Assert.Equal("""["other"]""", fields["f4"]!.ToJsonString());
        Assert.Equal("[1,2]", fields["f5.x"]!.ToJsonString());
        Assert.Null(fields["g"]);
    }

    [Fact]
    public async Task WithoutIncludeUnmapped_OnlyMappedFieldsCome()
    {
        var fields = await FieldsAsync("""{"fields":["f*", {"field":"f4","include_unmapped":false}]}""");

        Assert.Equal("""["some text"]""", fields["f1"]!.ToJsonString());
        Assert.Null(fields["f4"]);
        Assert.Null(fields["f3.c"]);
    }

    [Fact]
    public async Task IncludeUnmapped_LeavesMappedObjectValuesAlone()
    {
        var fields = await FieldsAsync("""{"fields":[{"field":"*","include_unmapped":true}]}""");

        Assert.Null(fields["loc.lat"]);
        Assert.NotNull(fields["loc"]);
        Assert.Equal("[7]", fields["g"]!.ToJsonString());
    }

    [Fact]
    public async Task UnknownKeysOfAFieldEntryAreRefused()
    {
        var (status, json) = await _store.SendAsync("POST", "/u/_search", """{"fields":[{"field":"f1","foo":true}]}""");

        Assert.Equal(400, status);
        Assert.Contains("[fetch_field_and_format] unknown field [foo]", json!.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> FieldsAsync(string body) =>
        (await _store.OkAsync("POST", "/u/_search", body))["hits"]!["hits"]![0]!["fields"]!;

    private void Ok(string method, string path, string? body = null) => _store.OkAsync(method, path, body).GetAwaiter().GetResult();
}
