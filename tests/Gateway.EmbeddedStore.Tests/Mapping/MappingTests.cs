using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Mapping;

public sealed class MappingTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private async Task<JsonNode> PropertiesAsync(string index) =>
        (await _harness.OkAsync("GET", "/" + index + "/_mapping"))[index]!["mappings"]!["properties"]!;

    [Fact]
    public async Task DynamicMapping_FollowsElasticsearchRules()
    {
        var vector = "[" + string.Join(",", Enumerable.Range(1, 128).Select(i => (i / 1000.0).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))) + "]";
        await _harness.OkAsync("PUT", "/dyn/_doc/1", "{\"s\":\"hello\",\"n\":42,\"f\":1.5,\"b\":true,\"d\":\"2024-05-01T10:00:00Z\",\"o\":{\"x\":\"y\"},\"v\":" + vector + ",\"small\":[1.5,2.5]}");
        var props = await PropertiesAsync("dyn");

        Assert.Equal("""{"type":"text","fields":{"keyword":{"type":"keyword","ignore_above":256}}}""", props["s"]!.ToJsonString());
        Assert.Equal("long", props["n"]!["type"]!.GetValue<string>());
        Assert.Equal("float", props["f"]!["type"]!.GetValue<string>());
        Assert.Equal("boolean", props["b"]!["type"]!.GetValue<string>());
        Assert.Equal("date", props["d"]!["type"]!.GetValue<string>());
        Assert.Equal("text", props["o"]!["properties"]!["x"]!["type"]!.GetValue<string>());
        Assert.Null(props["o"]!["type"]);
        Assert.Equal("dense_vector", props["v"]!["type"]!.GetValue<string>());
        Assert.Equal(128, props["v"]!["dims"]!.GetValue<int>());
        Assert.Equal("cosine", props["v"]!["similarity"]!.GetValue<string>());
        Assert.Equal("int8_hnsw", props["v"]!["index_options"]!["type"]!.GetValue<string>());
        Assert.Equal("float", props["small"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task DenseVector_ReportsIndexOptionsLikeElasticsearch9()
    {
        await _harness.OkAsync("PUT", "/vec", """
            {"mappings":{"properties":{
              "a":{"type":"dense_vector","dims":768,"similarity":"cosine","index_options":{"type":"hnsw","m":16,"ef_construction":128}},
              "b":{"type":"dense_vector","dims":768},
              "c":{"type":"dense_vector","dims":3,"similarity":"l2_norm"}}}}
            """);
        var props = await PropertiesAsync("vec");

        Assert.Equal("""{"type":"dense_vector","dims":768,"index":true,"similarity":"cosine","index_options":{"type":"hnsw","m":16,"ef_construction":128,"early_termination":false}}""", props["a"]!.ToJsonString());
        Assert.Equal("bbq_hnsw", props["b"]!["index_options"]!["type"]!.GetValue<string>());
        Assert.Equal("int8_hnsw", props["c"]!["index_options"]!["type"]!.GetValue<string>());
        Assert.Equal("l2_norm", props["c"]!["similarity"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"v":[1,2]}""", "failed to parse: The [dense_vector] field [v] in doc [document with id '1'] has a different number of dimensions [2] than defined in the mapping [3]")]
    [InlineData("""{"d":"not a date"}""", "failed to parse field [d] of type [date] in document with id '1'. Preview of field's value: 'not a date'")]
    [InlineData("""{"g":"95,10"}""", "failed to parse field [g] of type [geo_point] in document with id '1'. Preview of field's value: '95,10'")]
    [InlineData("""{"n":"abc"}""", "failed to parse field [n] of type [integer] in document with id '1'. Preview of field's value: 'abc'")]
    public async Task ValueNotFittingMapping_Is400AndNothingStored(string doc, string reason)
    {
        await _harness.OkAsync("PUT", "/typed", """{"mappings":{"properties":{"v":{"type":"dense_vector","dims":3},"d":{"type":"date"},"g":{"type":"geo_point"},"n":{"type":"integer"}}}}""");
        var (status, body) = await _harness.SendAsync("PUT", "/typed/_doc/1", doc);
        var (getStatus, _) = await _harness.SendAsync("GET", "/typed/_doc/1");

        Assert.Equal(400, status);
        Assert.Equal("document_parsing_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(404, getStatus);
    }

    [Theory]
    [InlineData("""{"g":{"lat":41.12,"lon":-71.34}}""")]
    [InlineData("""{"g":"41.12,-71.34"}""")]
    [InlineData("""{"g":[-71.34,41.12]}""")]
    [InlineData("""{"g":"POINT (-71.34 41.12)"}""")]
    [InlineData("""{"g":{"type":"Point","coordinates":[-71.34,41.12]}}""")]
    public async Task GeoPoint_AcceptsAllFormats(string doc)
    {
        await _harness.OkAsync("PUT", "/geo", """{"mappings":{"properties":{"g":{"type":"geo_point"}}}}""");
        var (status, _) = await _harness.SendAsync("PUT", "/geo/_doc/1", doc);
        var entry = _harness.Store.Catalog.Find("geo")!.Documents["1"];

        Assert.Equal(201, status);
        var point = entry.Document!.Fields["g"].Points![0];
        Assert.Equal(41.12, point.Lat, 6);
        Assert.Equal(-71.34, point.Lon, 6);
    }

    [Theory]
    [InlineData("strict_date_optional_time||epoch_millis", "2024-05-01T10:00:00Z", 1714557600000)]
    [InlineData("strict_date_optional_time||epoch_millis", "1714557600000", 1714557600000)]
    [InlineData("strict_date_optional_time||epoch_millis", "2024-05-01", 1714521600000)]
    [InlineData("strict_date_optional_time||epoch_millis", "2024-05-01T12:00:00+02:00", 1714557600000)]
    [InlineData("yyyy-MM-dd HH:mm:ss", "2024-05-01 10:00:00", 1714557600000)]
    [InlineData("epoch_second", "1714557600", 1714557600000)]
    public async Task Date_FormatsParseToEpochMillisUtc(string format, string value, long expected)
    {
        await _harness.OkAsync("PUT", "/dates", "{\"mappings\":{\"properties\":{\"d\":{\"type\":\"date\",\"format\":\"" + format + "\"}}}}");
        await _harness.OkAsync("PUT", "/dates/_doc/1", "{\"d\":\"" + value + "\"}");

        Assert.Equal(expected, _harness.Store.Catalog.Find("dates")!.Documents["1"].Document!.Fields["d"].Longs![0]);
    }

    [Fact]
    public async Task TextWithKeywordSubField_ProducesBothEntries()
    {
        await _harness.OkAsync("PUT", "/peaks", """{"mappings":{"properties":{"names":{"type":"text","fields":{"raw":{"type":"keyword"}}},"elev_m":{"type":"integer"},"ok":{"type":"boolean"}}}}""");
        await _harness.OkAsync("PUT", "/peaks/_doc/1", """{"names":["Ama Dablam","アマダブラム"],"elev_m":"6812","ok":"true"}""");
        var fields = _harness.Store.Catalog.Find("peaks")!.Documents["1"].Document!.Fields;

        Assert.Equal(["Ama Dablam", "アマダブラム"], fields["names"].Texts!);
        Assert.Equal(["Ama Dablam", "アマダブラム"], fields["names.raw"].Keywords!);
        Assert.Equal(6812, fields["elev_m"].Longs![0]);
        Assert.Equal(1, fields["ok"].Longs![0]);
    }

    [Fact]
    public async Task StrictDynamic_RejectsUnknownFields()
    {
        await _harness.OkAsync("PUT", "/strict", """{"mappings":{"dynamic":"strict","properties":{"a":{"type":"keyword"}}}}""");
        var (status, body) = await _harness.SendAsync("PUT", "/strict/_doc/1", """{"a":"x","b":1}""");

        Assert.Equal(400, status);
        Assert.Equal("strict_dynamic_mapping_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("[_doc] mapping set to strict, dynamic introduction of [b] within [_doc] is not allowed", body["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task NegativeIgnoreAbove_Is400AndCreatesNothing()
    {
        var (status, body) = await _harness.SendAsync("PUT", "/neg", """{"mappings":{"properties":{"k":{"type":"keyword","ignore_above":-1}}}}""");
        var (exists, _) = await _harness.SendAsync("HEAD", "/neg");

        Assert.Equal(400, status);
        Assert.Equal("mapper_parsing_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Contains("[ignore_above] must be positive, got [-1]", body["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(404, exists);
    }

    [Fact]
    public async Task DynamicFalse_KeepsSourceButDoesNotMap()
    {
        await _harness.OkAsync("PUT", "/loose", """{"mappings":{"dynamic":false,"properties":{"a":{"type":"keyword"}}}}""");
        await _harness.OkAsync("PUT", "/loose/_doc/1", """{"a":"x","b":1}""");
        var props = await PropertiesAsync("loose");
        var got = await _harness.OkAsync("GET", "/loose/_doc/1");

        Assert.Null(props["b"]);
        Assert.Equal(1, got["_source"]!["b"]!.GetValue<int>());
    }

    [Fact]
    public async Task PutMapping_MergesAndRejectsTypeChange()
    {
        await _harness.OkAsync("PUT", "/m", """{"mappings":{"properties":{"a":{"type":"keyword"}}}}""");
        await _harness.OkAsync("PUT", "/m/_mapping", """{"properties":{"b":{"type":"long"},"a":{"type":"keyword","fields":{"t":{"type":"text"}}}}}""");
        var (status, body) = await _harness.SendAsync("PUT", "/m/_mapping", """{"properties":{"b":{"type":"text"}}}""");
        var props = await PropertiesAsync("m");

        Assert.Equal("long", props["b"]!["type"]!.GetValue<string>());
        Assert.Equal("text", props["a"]!["fields"]!["t"]!["type"]!.GetValue<string>());
        Assert.Equal(400, status);
        Assert.Equal("illegal_argument_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("mapper [b] cannot be changed from type [long] to [text]", body["error"]!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"mappings":{"properties":{"a":{"type":"nonsense"}}}}""", "Failed to parse mapping: The mapper type [nonsense] declared on field [a] does not exist. It might have been created within a future version or requires a plugin to be installed. Check the documentation.")]
    [InlineData("""{"mappings":{"properties":{"v":{"type":"dense_vector","dims":5000}}}}""", "Failed to parse mapping: The number of dimensions should be in the range [1, 4096] but was [5000]")]
    public async Task InvalidMapping_IsMapperParsingException(string body, string reason)
    {
        var (status, error) = await _harness.SendAsync("PUT", "/bad", body);

        Assert.Equal(400, status);
        Assert.Equal("mapper_parsing_exception", error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, error["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(404, (await _harness.SendAsync("HEAD", "/bad")).Status);
    }

    public void Dispose() => _harness.Dispose();
}
