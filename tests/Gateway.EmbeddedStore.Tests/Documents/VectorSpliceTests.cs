using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Documents;

public sealed class VectorSpliceTests : IDisposable
{
    private const string Mapping = """{"mappings":{"properties":{"v":{"type":"dense_vector","dims":3,"similarity":"l2_norm"},"c":{"type":"dense_vector","dims":2},"n":{"type":"integer"},"k":{"type":"keyword"}}}}""";

    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Theory]
    [InlineData("""{"k":"a","v":[0.5, -1e-3 ,2],"n":7}""")]
    [InlineData("""{"v" : [ 0.5,-0.001,2.0 ] }""")]
    [InlineData("""{"o":{"v":[9,9,9,9]},"v":[5e-1,-1E-3,2]}""")]
    public async Task TopLevelVector_ParsedOnceAndSourceKeptAsSent(string doc)
    {
        await _harness.OkAsync("PUT", "/s", Mapping);
        await _harness.OkAsync("PUT", "/s/_doc/1?refresh=true", doc);

        var source = await _harness.Client.GetStringAsync("/s/_source/1?_source_exclude_vectors=false");
        var hit = await _harness.OkAsync("POST", "/s/_search", """{"knn":{"field":"v","query_vector":[0.5,-0.001,2],"k":1,"num_candidates":1}}""");

        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(doc)!.ToJsonString(), source);
        Assert.Equal(1.0, hit["hits"]!["hits"]![0]!["_score"]!.GetValue<double>(), 6);
    }

    [Theory]
    [InlineData("""{"v":[1,2]}""", "document_parsing_exception", "failed to parse: The [dense_vector] field [v] in doc [document with id '1'] has a different number of dimensions [2] than defined in the mapping [3]")]
    [InlineData("""{"v":[1,"2",3]}""", "document_parsing_exception", "[dense_vector] field [v] of doc [1] has an invalid value [\"2\"]: only finite numbers are allowed")]
    [InlineData("""{"v":[1,2,3e39]}""", "document_parsing_exception", "[dense_vector] field [v] of doc [1] has an invalid value [3e39]: only finite numbers are allowed")]
    [InlineData("""{"c":[0,0]}""", "document_parsing_exception", "The [cosine] similarity does not support vectors with zero magnitude. Preview of invalid vector: [0.0, 0.0]")]
    [InlineData("""{"v":[1,2,3],"v":[1,2,3]}""", "document_parsing_exception", "[1:14] failed to parse: Duplicate field 'v'")]
    [InlineData("""{"v":[1,2,3],"n":"x"}""", "document_parsing_exception", "failed to parse field [n] of type [integer] in document with id '1'. Preview of field's value: 'x'")]
    public async Task BadValues_SameErrorsAsTheFullParse(string doc, string type, string reason)
    {
        await _harness.OkAsync("PUT", "/s", Mapping);

        var (status, body) = await _harness.SendAsync("PUT", "/s/_doc/1", doc);

        Assert.Equal(400, status);
        Assert.Equal(type, body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"v":[01,2,3]}""")]
    [InlineData("""{"v":[1.,2,3]}""")]
    [InlineData("""{"v":[1,2,3e]}""")]
    [InlineData("""{"v":[1,2,3,]}""")]
    [InlineData("""{"v":[1,2,3]""")]
    [InlineData("""{"v":[1,2,3]} x""")]
    [InlineData("""{"v":[1,2,3],}""")]
    public async Task MalformedJson_RejectedWithTheOriginalPositions(string doc)
    {
        await _harness.OkAsync("PUT", "/s", Mapping);
        var expected = JsonParseError(doc);

        var (status, body) = await _harness.SendAsync("PUT", "/s/_doc/1", doc);

        Assert.Equal(400, status);
        Assert.Equal("failed to parse", body!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(expected, body["error"]!["caused_by"]!["reason"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();

    private static string JsonParseError(string doc)
    {
        var e = Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(doc, new System.Text.Json.JsonDocumentOptions { MaxDepth = 256 }));
        return e.Message;
    }
}
