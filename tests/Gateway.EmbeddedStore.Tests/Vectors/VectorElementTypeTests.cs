using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Vectors;

/// <summary>byte, bit and bfloat16 vectors end to end: value checks, encodings, Lucene's scores, rendering.</summary>
public sealed class VectorElementTypeTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("[1, 2.5, 3]", "element_type [byte] vectors only support non-decimal values but found decimal value [2.5] at dim [1];")]
    [InlineData("[1, 2, 128]", "element_type [byte] vectors only support integers between [-128, 127] but found [128] at dim [2];")]
    [InlineData("[1, 2]", "has a different number of dimensions [2] than defined in the mapping [3]")]
    [InlineData("[0, 0, 0]", "The [cosine] similarity does not support vectors with zero magnitude. Preview of invalid vector: [0, 0, 0]")]
    [InlineData("\"zz\"", "Failed to parse object")]
    public async Task ByteValues_AreCheckedAsElasticsearchChecksThem(string value, string reason)
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","element_type":"byte","dims":3}}}}""");

        var (status, body) = await _harness.SendAsync("PUT", "/v/_doc/1", """{"v":""" + value + "}");

        Assert.Equal(400, status);
        Assert.Equal("document_parsing_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Contains(reason, body["error"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("l2_norm", 0.5f)] // squared distance 1
    [InlineData("dot_product", 0.5f + (140f / (3 * 32768)))] // Lucene's byte dot-product scaling
    [InlineData("max_inner_product", 141f)]
    public async Task ByteScores_UseLucenesByteFormulas(string similarity, float expected)
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","element_type":"byte","dims":3,"similarity":"SIM"}}}}""".Replace("SIM", similarity, StringComparison.Ordinal));
        await _harness.OkAsync("PUT", "/v/_doc/1?refresh=true", """{"v":[10.0, 20, 30]}""");

        var query = similarity == "l2_norm" ? "[10, 20, 31]" : "[1, 2, 3]";
        var hit = (await _harness.OkAsync("POST", "/v/_search", """{"knn":{"field":"v","query_vector":QV,"k":1,"num_candidates":1}}""".Replace("QV", query, StringComparison.Ordinal)))["hits"]!["hits"]![0]!;

        Assert.Equal(expected, hit["_score"]!.GetValue<float>(), 6);
    }

    [Fact]
    public async Task ByteCosine_IsComputedOnTheRawBytes()
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","element_type":"byte","dims":2}}}}""");
        await _harness.OkAsync("PUT", "/v/_doc/1?refresh=true", """{"v":[3, 4]}""");

        var hit = (await _harness.OkAsync("POST", "/v/_search", """{"knn":{"field":"v","query_vector":[4, 3],"k":1,"num_candidates":1}}"""))["hits"]!["hits"]![0]!;

        Assert.Equal((1f + (24f / 25f)) / 2f, hit["_score"]!.GetValue<float>(), 6);
    }

    [Fact]
    public async Task BitVectors_ScoreByHammingDistanceAndThresholdInBits()
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","element_type":"bit","dims":16}}}}""");
        await _harness.OkAsync("PUT", "/v/_doc/near", """{"v":[1, 0]}""");
        await _harness.OkAsync("PUT", "/v/_doc/far?refresh=true", """{"v":"ff0f"}""");

        var all = await _harness.OkAsync("POST", "/v/_search", """{"knn":{"field":"v","query_vector":[3, 0],"k":2,"num_candidates":2}}""");
        var close = await _harness.OkAsync("POST", "/v/_search", """{"knn":{"field":"v","query_vector":"0300","k":2,"num_candidates":2,"similarity":1}}""");

        Assert.Equal("near", all["hits"]!["hits"]![0]!["_id"]!.GetValue<string>());
        Assert.Equal(15f / 16f, all["hits"]!["hits"]![0]!["_score"]!.GetValue<float>(), 6); // one bit differs
        Assert.Equal(6f / 16f, all["hits"]!["hits"]![1]!["_score"]!.GetValue<float>(), 6); // 0xff^0x03 and 0x0f: 10 bits
        Assert.Single(close["hits"]!["hits"]!.AsArray());
    }

    [Fact]
    public async Task BitQuery_OfTheWrongLengthIsABadRequest()
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","element_type":"bit","dims":16}}}}""");
        await _harness.OkAsync("PUT", "/v/_doc/1?refresh=true", """{"v":[1, 0]}""");

        var (status, body) = await _harness.SendAsync("POST", "/v/_search", """{"knn":{"field":"v","query_vector":[1, 2, 3],"k":1,"num_candidates":1}}""");

        Assert.Equal(400, status);
        Assert.Contains("different number of dimensions [24] than the document vectors [16]", body!["error"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BFloat16_KeepsBFloat16PrecisionInSourceAndDocValues()
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","element_type":"bfloat16","dims":2}}}}""");
        await _harness.OkAsync("PUT", "/v/_doc/1?refresh=true", """{"v":[0.1, 3.0]}""");

        var source = await _harness.OkAsync("GET", "/v/_source/1?_source_exclude_vectors=false");
        var hit = (await _harness.OkAsync("POST", "/v/_search", """{"docvalue_fields":["v"]}"""))["hits"]!["hits"]![0]!;

        Assert.Equal(0.10009765625f, source["v"]![0]!.GetValue<float>());
        Assert.Equal(3f, source["v"]![1]!.GetValue<float>());
        Assert.Equal(0.10009765625f, hit["fields"]!["v"]![0]![0]!.GetValue<float>());
    }

    [Theory]
    [InlineData("byte", "\"ChQe\"", "[10,20,30]")] // base64 bytes
    [InlineData("byte", "\"0a141e\"", "[10,20,30]")] // hex bytes
    [InlineData("float", "\"PczMzT5MzM0+mZma\"", "[0.1,0.2,0.3]")] // base64 big-endian float32
    public async Task EncodedVectors_AreDecodedForTheElementType(string element, string value, string decoded)
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","element_type":"ET","similarity":"l2_norm"}}}}""".Replace("ET", element, StringComparison.Ordinal));
        await _harness.OkAsync("PUT", "/v/_doc/1?refresh=true", """{"v":""" + value + "}");

        var source = await _harness.OkAsync("GET", "/v/_source/1?_source_exclude_vectors=false");
        var mapping = await _harness.OkAsync("GET", "/v/_mapping");
        var hit = (await _harness.OkAsync("POST", "/v/_search", """{"knn":{"field":"v","query_vector":""" + value + ""","k":1,"num_candidates":1}}"""))["hits"]!["hits"]![0]!;

        Assert.Equal(decoded, source["v"]!.ToJsonString());
        Assert.Equal(3, mapping["v"]!["mappings"]!["properties"]!["v"]!["dims"]!.GetValue<int>());
        Assert.Equal(1f, hit["_score"]!.GetValue<float>());
    }

    [Fact]
    public async Task FloatField_RefusesAHexDocumentButTakesAHexQuery()
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","dims":3,"similarity":"l2_norm"}}}}""");
        await _harness.OkAsync("PUT", "/v/_doc/1?refresh=true", """{"v":[64, 10, -30]}""");

        var (status, _) = await _harness.SendAsync("PUT", "/v/_doc/2", """{"v":"400ae2"}""");
        var hit = (await _harness.OkAsync("POST", "/v/_search", """{"knn":{"field":"v","query_vector":"400ae2","k":1,"num_candidates":1}}"""))["hits"]!["hits"]![0]!;

        Assert.Equal(400, status);
        Assert.Equal(1f, hit["_score"]!.GetValue<float>());
    }

    [Theory]
    [InlineData("\"not-valid-base64!!!\"", "[knn] failed to parse field [query_vector]")]
    [InlineData("\"AQID\"", "failed to parse field [query_vector]")]
    [InlineData("[1.5, 2, 3]", "element_type [byte] vectors only support non-decimal values but found decimal value [1.5] at dim [0];")]
    [InlineData("[1, 2, 300]", "element_type [byte] vectors only support integers between [-128, 127] but found [300] at dim [2];")]
    public async Task BadQueryVectors_AreBadRequests(string vector, string reason)
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","element_type":"byte","dims":3,"similarity":"l2_norm"},"f":{"type":"dense_vector","dims":3}}}}""");
        await _harness.OkAsync("PUT", "/v/_doc/1?refresh=true", """{"v":[1, 2, 3],"f":[1, 2, 3]}""");

        var field = vector == "\"AQID\"" ? "f" : "v";
        var (status, body) = await _harness.SendAsync("POST", "/v/_search", """{"knn":{"field":"FIELD","query_vector":QV,"k":1,"num_candidates":1}}""".Replace("FIELD", field, StringComparison.Ordinal).Replace("QV", vector, StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Contains(reason, body!["error"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocValueFields_RenderOneArrayPerVectorOrBase64()
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"f":{"type":"dense_vector","dims":2},"b":{"type":"dense_vector","element_type":"byte","dims":3}}}}""");
        await _harness.OkAsync("PUT", "/v/_doc/1?refresh=true", """{"f":[1, 2],"b":[1, -2, 3]}""");

        var fields = (await _harness.OkAsync("POST", "/v/_search", """{"docvalue_fields":["f","b",{"field":"f","format":"binary"}],"fields":["b"]}"""))["hits"]!["hits"]![0]!["fields"]!;
        var binary = (await _harness.OkAsync("POST", "/v/_search", """{"docvalue_fields":[{"field":"f","format":"binary"},{"field":"b","format":"binary"}]}"""))["hits"]!["hits"]![0]!["fields"]!;
        var (status, _) = await _harness.SendAsync("POST", "/v/_search", """{"docvalue_fields":[{"field":"f","format":"hex"}]}""");

        Assert.Equal("[[1,2]]", fields["f"]!.ToJsonString());
        Assert.Equal("[[1,-2,3]]", fields["b"]!.ToJsonString());
        Assert.Equal("[\"P4AAAEAAAAA=\"]", binary["f"]!.ToJsonString());
        Assert.Equal("[\"Af4D\"]", binary["b"]!.ToJsonString());
        Assert.Equal(400, status);
    }

    [Theory]
    [InlineData("""{"oversample":2}""", 200)]
    [InlineData("""{"oversample":0}""", 200)]
    [InlineData("""{"oversample":0.5}""", 400)]
    [InlineData("""{}""", 400)]
    [InlineData("""{"oversample":2,"extra":1}""", 400)]
    public async Task KnnRescoreVector_IsValidated(string rescore, int expected)
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","dims":2}}}}""");

        var (status, _) = await _harness.SendAsync("POST", "/v/_search", """{"knn":{"field":"v","query_vector":[1, 0],"k":1,"num_candidates":1,"rescore_vector":RV}}""".Replace("RV", rescore, StringComparison.Ordinal));

        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("GET", "/_search", "knn_query_vector_base64", true)]
    [InlineData("POST", "/my-index/_search", "knn_query_vector_base64,dense_vector_docvalue_fields", true)]
    [InlineData("POST", "/_search", "knn_query_vector_base64,made_up", false)]
    [InlineData("GET", "/_cluster/stats", "knn_query_vector_base64", false)]
    public async Task Capabilities_AnswerOnlyWhatTheStoreImplements(string method, string path, string capabilities, bool supported)
    {
        var body = await _harness.OkAsync("GET", "/_capabilities?method=" + method + "&path=" + Uri.EscapeDataString(path) + "&capabilities=" + capabilities);

        Assert.Equal(supported, body["supported"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Capabilities_WithoutPathIsABadRequest()
    {
        var (status, _) = await _harness.SendAsync("GET", "/_capabilities?capabilities=knn_query_vector_base64");

        Assert.Equal(400, status);
    }
}
