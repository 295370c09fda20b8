using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Vectors;

/// <summary>dense_vector element types and index_options: Elasticsearch's defaults, checks and update rules.</summary>
public sealed class VectorMappingTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ByteAndBit_ReportElementTypeWithoutDefaultIndexOptions()
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"b":{"type":"dense_vector","element_type":"byte","dims":3},"t":{"type":"dense_vector","element_type":"bit","dims":16}}}}""");

        var properties = (await _harness.OkAsync("GET", "/v/_mapping"))["v"]!["mappings"]!["properties"]!;

        Assert.Equal("byte", properties["b"]!["element_type"]!.GetValue<string>());
        Assert.Equal("cosine", properties["b"]!["similarity"]!.GetValue<string>());
        Assert.Null(properties["b"]!["index_options"]);
        Assert.Equal("bit", properties["t"]!["element_type"]!.GetValue<string>());
        Assert.Equal("l2_norm", properties["t"]!["similarity"]!.GetValue<string>());
    }

    [Fact]
    public async Task IndexOptions_ReportElasticsearchDefaultsPerType()
    {
        await _harness.OkAsync("PUT", "/v", """
            {"mappings":{"properties":{
              "a":{"type":"dense_vector","dims":4,"index_options":{"type":"int4_hnsw"}},
              "b":{"type":"dense_vector","dims":64,"index_options":{"type":"bbq_flat"}},
              "c":{"type":"dense_vector","dims":4,"index_options":{"type":"int8_flat","confidence_interval":0.95,"rescore_vector":{"oversample":0}}},
              "d":{"type":"dense_vector","dims":4,"element_type":"bfloat16"}}}}
            """);

        var p = (await _harness.OkAsync("GET", "/v/_mapping"))["v"]!["mappings"]!["properties"]!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"int4_hnsw","m":16,"ef_construction":100,"confidence_interval":0.0,"early_termination":false}"""), p["a"]!["index_options"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"bbq_flat","rescore_vector":{"oversample":3.0}}"""), p["b"]!["index_options"]));
        Assert.Equal(0.95, p["c"]!["index_options"]!["confidence_interval"]!.GetValue<float>(), 5);
        Assert.Equal(0, p["c"]!["index_options"]!["rescore_vector"]!["oversample"]!.GetValue<float>());
        Assert.Equal("int8_hnsw", p["d"]!["index_options"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"type":"dense_vector","element_type":"half"}""", "invalid element_type [half]; available types are [bfloat16, bit, byte, float]")]
    [InlineData("""{"type":"dense_vector","element_type":"bit","dims":12}""", "The number of dimensions for should be a multiple of 8 but was [12]")]
    [InlineData("""{"type":"dense_vector","element_type":"bit","dims":4}""", "The number of dimensions should be in the range [8, 32768] but was [4]")]
    [InlineData("""{"type":"dense_vector","element_type":"bit","dims":8,"similarity":"cosine"}""", "The [l2_norm] similarity is the only supported similarity for bit vectors")]
    [InlineData("""{"type":"dense_vector","element_type":"byte","dims":8,"index_options":{"type":"int8_hnsw"}}""", "[element_type] cannot be [byte] when using index type [int8_hnsw]")]
    [InlineData("""{"type":"dense_vector","element_type":"bit","dims":8,"index_options":{"type":"bbq_flat"}}""", "[element_type] cannot be [bit] when using index type [bbq_flat]")]
    [InlineData("""{"type":"dense_vector","dims":3,"index_options":{"type":"int4_hnsw"}}""", "int4_hnsw only supports even dimensions; provided=3")]
    [InlineData("""{"type":"dense_vector","dims":32,"index_options":{"type":"bbq_hnsw"}}""", "bbq_hnsw does not support dimensions fewer than 64; provided=32")]
    [InlineData("""{"type":"dense_vector","dims":4,"index_options":{"type":"hnsw","m":0}}""", "maxConn must be positive and less than or equal to 512; maxConn=0")]
    [InlineData("""{"type":"dense_vector","dims":4,"index_options":{"type":"hnsw","ef_construction":5000}}""", "beamWidth must be positive and less than or equal to 3200; beamWidth=5000")]
    [InlineData("""{"type":"dense_vector","dims":4,"index_options":{"type":"int8_hnsw","confidence_interval":0.5}}""", "confidenceInterval must be between 0.9 and 1.0; confidenceInterval=0.5")]
    [InlineData("""{"type":"dense_vector","dims":4,"index_options":{"type":"int8_flat","rescore_vector":{"oversample":0.5}}}""", "oversample must be greater than 1 or exactly 0")]
    [InlineData("""{"type":"dense_vector","dims":4,"index_options":{"type":"flat","m":16}}""", "Mapping definition for [v] has unsupported parameters:  [m : 16]")]
    [InlineData("""{"type":"dense_vector","dims":4,"index_options":{"type":"hnsw","confidence_interval":0.9}}""", "Mapping definition for [v] has unsupported parameters:  [confidence_interval : 0.9]")]
    [InlineData("""{"type":"dense_vector","dims":4,"index_options":{"type":"ivf"}}""", "Unknown vector index options type [ivf] for field [v]")]
    public async Task BadDefinitions_AreRefusedWithElasticsearchsReason(string field, string reason)
    {
        var (status, body) = await _harness.SendAsync("PUT", "/v", """{"mappings":{"properties":{"v":""" + field + "}}}");

        Assert.Equal(400, status);
        Assert.Equal("mapper_parsing_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Contains(reason, body["error"]!.ToJsonString().Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hnsw", "int8_hnsw", true)]
    [InlineData("flat", "bbq_hnsw", true)]
    [InlineData("int8_flat", "int4_hnsw", true)]
    [InlineData("int8_hnsw", "hnsw", false)]
    [InlineData("int4_hnsw", "int8_hnsw", false)]
    [InlineData("bbq_hnsw", "int8_flat", false)]
    public async Task IndexOptionsUpdates_FollowElasticsearchsUpgradePaths(string from, string to, bool allowed)
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","dims":64,"index_options":{"type":"FROM"}}}}}""".Replace("FROM", from, StringComparison.Ordinal));

        var (status, body) = await _harness.SendAsync("PUT", "/v/_mapping", """{"properties":{"v":{"type":"dense_vector","dims":64,"index_options":{"type":"TO"}}}}""".Replace("TO", to, StringComparison.Ordinal));

        Assert.Equal(allowed ? 200 : 400, status);
        if (!allowed)
        {
            Assert.Contains("Cannot update parameter [index_options]", body!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"type":"dense_vector"}""", "Cannot update parameter [dims] from [4] to [null]")]
    [InlineData("""{"type":"dense_vector","dims":4,"element_type":"byte"}""", "Cannot update parameter [element_type] from [float] to [byte]")]
    [InlineData("""{"type":"dense_vector","dims":4,"index_options":{"type":"hnsw","m":8}}""", "Cannot update parameter [index_options]")]
    public async Task MappingUpdates_CannotDropDimsOrChangeTheElementType(string update, string reason)
    {
        await _harness.OkAsync("PUT", "/v", """{"mappings":{"properties":{"v":{"type":"dense_vector","dims":4,"index_options":{"type":"hnsw","m":16}}}}}""");

        var (status, body) = await _harness.SendAsync("PUT", "/v/_mapping", """{"properties":{"v":""" + update + "}}");

        Assert.Equal(400, status);
        Assert.Contains(reason, body!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
