using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class FieldCapsEndpointTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private async Task SeedAsync()
    {
        await _harness.OkAsync("PUT", "/test1", """
            {"mappings":{"properties":{"text":{"type":"text","fields":{"raw":{"type":"keyword"}}},"keyword":{"type":"keyword"},"number":{"type":"double"},
             "geo":{"type":"geo_point"},"misc":{"type":"text"},
             "object":{"type":"object","properties":{"nested1":{"type":"text","index":false},"nested2":{"type":"float","doc_values":false}}},
             "level1":{"type":"nested","properties":{"level2":{"type":"object","properties":{"leaf1":{"type":"text","index":false}}}}}}}}
            """);
        await _harness.OkAsync("PUT", "/test2", """
            {"mappings":{"properties":{"text":{"type":"text"},"keyword":{"type":"keyword"},"number":{"type":"double"},"date":{"type":"date"},
             "geo":{"type":"geo_point"},"object":{"type":"object","properties":{"nested1":{"type":"text","index":true},"nested2":{"type":"float","doc_values":true}}},
             "latency":{"type":"long","meta":{"unit":"ms"}}}}}
            """);
        await _harness.OkAsync("PUT", "/test3", """
            {"mappings":{"properties":{"text":{"type":"text"},"keyword":{"type":"keyword"},"number":{"type":"long"},"date":{"type":"date"},"geo":{"type":"keyword"},
             "object":{"type":"nested","properties":{"nested1":{"type":"long","index":false},"nested2":{"type":"keyword","doc_values":false}}},
             "latency":{"type":"long","meta":{"unit":"ns"}}}}}
            """);
    }

    [Fact]
    public async Task FieldCaps_MergesTypesAcrossIndices()
    {
        await SeedAsync();
        var caps = await _harness.OkAsync("GET", "/test1,test2,test3/_field_caps?fields=text,keyword,number,date,geo,latency");
        var fields = caps["fields"]!;

        Assert.Equal("""["test1","test2","test3"]""", caps["indices"]!.ToJsonString());
        Assert.Equal("""{"type":"text","metadata_field":false,"searchable":true,"aggregatable":false}""", fields["text"]!["text"]!.ToJsonString());
        Assert.Equal("""["test1","test2"]""", fields["number"]!["double"]!["indices"]!.ToJsonString());
        Assert.Equal("""["test3"]""", fields["number"]!["long"]!["indices"]!.ToJsonString());
        Assert.Null(fields["date"]!["date"]!["indices"]);
        Assert.Equal("""["test3"]""", fields["geo"]!["keyword"]!["indices"]!.ToJsonString());
        Assert.Equal("""{"unit":["ms","ns"]}""", fields["latency"]!["long"]!["meta"]!.ToJsonString());
    }

    [Fact]
    public async Task FieldCaps_LeavesAndParents_ReportSearchabilityPerIndex()
    {
        await SeedAsync();
        var fields = (await _harness.OkAsync("GET", "/test1,test2,test3/_field_caps?fields=object*,level1*"))["fields"]!;

        Assert.Equal("""["test1"]""", fields["object.nested1"]!["text"]!["non_searchable_indices"]!.ToJsonString());
        Assert.False(fields["object.nested1"]!["text"]!["searchable"]!.GetValue<bool>());
        Assert.True(fields["object.nested1"]!["long"]!["searchable"]!.GetValue<bool>());
        Assert.Equal("""["test1"]""", fields["object.nested2"]!["float"]!["non_aggregatable_indices"]!.ToJsonString());
        Assert.False(fields["object.nested2"]!["keyword"]!["aggregatable"]!.GetValue<bool>());
        Assert.Equal("""["test1","test2"]""", fields["object"]!["object"]!["indices"]!.ToJsonString());
        Assert.Equal("""["test3"]""", fields["object"]!["nested"]!["indices"]!.ToJsonString());
        Assert.Equal("nested", fields["level1"]!["nested"]!["type"]!.GetValue<string>());
        Assert.Equal("object", fields["level1.level2"]!["object"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task FieldCaps_IncludeUnmapped_ListsIndicesWithoutTheField()
    {
        await SeedAsync();
        var fields = (await _harness.OkAsync("POST", "/test1,test2,test3/_field_caps?include_unmapped=true", """{"fields":["misc"]}"""))["fields"]!;

        Assert.Equal("""["test1"]""", fields["misc"]!["text"]!["indices"]!.ToJsonString());
        Assert.Equal("""["test2","test3"]""", fields["misc"]!["unmapped"]!["indices"]!.ToJsonString());
        Assert.False(fields["misc"]!["unmapped"]!["searchable"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("", true, true, true, true)]
    [InlineData("&filters=-metadata", false, true, true, true)]
    [InlineData("&filters=%2Bmetadata", true, false, false, false)]
    [InlineData("&filters=-multifield", true, true, false, true)]
    [InlineData("&filters=-parent", true, true, true, false)]
    [InlineData("&filters=-nested", true, true, true, true)]
    public async Task FieldCaps_Filters(string filters, bool seqNo, bool text, bool multiField, bool parentObject)
    {
        await SeedAsync();
        var fields = (await _harness.OkAsync("GET", "/test1/_field_caps?fields=*" + filters))["fields"]!.AsObject();

        Assert.Equal(seqNo, fields.ContainsKey("_seq_no"));
        Assert.Equal(text, fields.ContainsKey("text"));
        Assert.Equal(multiField, fields.ContainsKey("text.raw"));
        Assert.Equal(parentObject, fields.ContainsKey("object"));
        Assert.Equal(filters is not ("&filters=-nested" or "&filters=%2Bmetadata"), fields.ContainsKey("level1.level2.leaf1"));
    }

    [Fact]
    public async Task FieldCaps_MetadataFieldsAndTypes()
    {
        await SeedAsync();
        var fields = (await _harness.OkAsync("GET", "/test1/_field_caps?fields=_*,number,text&types=_id,double"))["fields"]!.AsObject();

        Assert.Equal("""{"_id":{"type":"_id","metadata_field":true,"searchable":true,"aggregatable":false}}""", fields["_id"]!.ToJsonString());
        Assert.True(fields.ContainsKey("number"));
        Assert.False(fields.ContainsKey("text"));
        Assert.False(fields.ContainsKey("_seq_no"));
    }

    [Theory]
    [InlineData("text", false, false)]
    [InlineData("text,object", true, false)]
    [InlineData("text,nested", false, true)]
    public async Task FieldCaps_TypesFilter_AppliesToParents(string types, bool objectParent, bool nestedParent)
    {
        await SeedAsync();
        var fields = (await _harness.OkAsync("GET", "/test1/_field_caps?fields=*&types=" + types))["fields"]!.AsObject();

        Assert.True(fields.ContainsKey("object.nested1"));
        Assert.True(fields.ContainsKey("level1.level2.leaf1"));
        Assert.Equal(objectParent, fields.ContainsKey("object"));
        Assert.Equal(nestedParent, fields.ContainsKey("level1"));
        Assert.False(fields.ContainsKey("keyword"));
    }

    [Fact]
    public async Task FieldCaps_IndexFilterAndEmptyFields()
    {
        await _harness.OkAsync("PUT", "/logs-1", """{"mappings":{"properties":{"timestamp":{"type":"date"},"empty":{"type":"keyword"}}}}""");
        await _harness.OkAsync("PUT", "/logs-2", """{"mappings":{"properties":{"timestamp":{"type":"date"}}}}""");
        await _harness.OkAsync("PUT", "/logs-1/_doc/1", """{"timestamp":"2015-01-02"}""");
        await _harness.OkAsync("PUT", "/logs-2/_doc/1?refresh=true", """{"timestamp":"2020-01-02"}""");

        var recent = await _harness.OkAsync("POST", "/logs-*/_field_caps?fields=*", """{"index_filter":{"range":{"timestamp":{"gte":"2019"}}}}""");
        var none = await _harness.OkAsync("POST", "/logs-*/_field_caps?fields=*", """{"index_filter":{"match_none":{}}}""");
        var nonEmpty = await _harness.OkAsync("GET", "/logs-1/_field_caps?fields=*&include_empty_fields=false");

        Assert.Equal("""["logs-2"]""", recent["indices"]!.ToJsonString());
        Assert.Equal("[]", none["indices"]!.ToJsonString());
        Assert.Equal("{}", none["fields"]!.ToJsonString());
        Assert.False(nonEmpty["fields"]!.AsObject().ContainsKey("empty"));
        Assert.True(nonEmpty["fields"]!.AsObject().ContainsKey("timestamp"));
    }

    [Theory]
    [InlineData("/test1/_field_caps", null, 400, "action_request_validation_exception", "Validation Failed: 1: specified fields can't be null or empty;")]
    [InlineData("/test1/_field_caps?fields=*&filters=-foo", null, 400, "illegal_argument_exception", "Unknown field caps filter [-foo]")]
    [InlineData("/test1/_field_caps?fields=*", """{"runtime_mappings":{"r":{"type":"long"}}}""", 400, "illegal_argument_exception", "[runtime_mappings] is not supported by this store")]
    [InlineData("/test1/_field_caps?fields=*", """{"foo":1}""", 400, "x_content_parse_exception", "[field_caps_request] unknown field [foo]")]
    [InlineData("/test1/_field_caps?fields=*&bar=1", null, 400, "illegal_argument_exception", "request [/test1/_field_caps] contains unrecognized parameter: [bar]")]
    [InlineData("/nope/_field_caps?fields=*", null, 404, "index_not_found_exception", "no such index [nope]")]
    public async Task FieldCaps_BadRequests(string path, string? body, int status, string type, string reason)
    {
        await SeedAsync();
        var (actual, error) = await _harness.SendAsync("POST", path, body);

        Assert.Equal(status, actual);
        Assert.Equal(type, error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, error["error"]!["reason"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
