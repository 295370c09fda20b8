using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Mapping;

public sealed class MappingSettingsTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Fact]
    public async Task IndexIgnoreAbove_IsTheDefaultOfKeywordFields_AndAFieldsOwnWins()
    {
        await _harness.OkAsync("PUT", "/s", """{"settings":{"index.mapping.ignore_above":5},"mappings":{"properties":{"k":{"type":"keyword"},"own":{"type":"keyword","ignore_above":100}}}}""");
        await _harness.OkAsync("PUT", "/s/_doc/1?refresh=true", """{"k":"longer than five","own":"longer than five","dyn":"x"}""");

        var longTerm = await _harness.OkAsync("POST", "/s/_search", """{"query":{"term":{"k":"longer than five"}}}""");
        var own = await _harness.OkAsync("POST", "/s/_search", """{"query":{"term":{"own":"longer than five"}}}""");
        var hit = await _harness.OkAsync("POST", "/s/_search", """{"query":{"match_all":{}}}""");
        var mapping = await _harness.OkAsync("GET", "/s/_mapping");

        Assert.Equal(0, longTerm["hits"]!["total"]!["value"]!.GetValue<int>());
        Assert.Equal(1, own["hits"]!["total"]!["value"]!.GetValue<int>());
        Assert.Equal("""["k"]""", hit["hits"]!["hits"]![0]!["_ignored"]!.ToJsonString());
        Assert.Null(mapping["s"]!["mappings"]!["properties"]!["k"]!["ignore_above"]);
        Assert.Equal(256, mapping["s"]!["mappings"]!["properties"]!["dyn"]!["fields"]!["keyword"]!["ignore_above"]!.GetValue<int>());
    }

    [Fact]
    public async Task IndexIgnoreMalformed_KeepsDocumentsWithMalformedValues_UnlessTheFieldSaysFalse()
    {
        await _harness.OkAsync("PUT", "/s", """{"settings":{"index":{"mapping":{"ignore_malformed":true}}},"mappings":{"properties":{"n":{"type":"long"},"strict":{"type":"long","ignore_malformed":false},"k":{"type":"keyword"}}}}""");

        var (kept, _) = await _harness.SendAsync("PUT", "/s/_doc/1", """{"n":"not a number","k":"fine"}""");
        var (refused, error) = await _harness.SendAsync("PUT", "/s/_doc/2", """{"strict":"not a number"}""");
        var got = await _harness.OkAsync("GET", "/s/_doc/1");

        Assert.Equal(201, kept);
        Assert.Equal("not a number", got["_source"]!["n"]!.GetValue<string>());
        Assert.Equal(400, refused);
        Assert.Equal("document_parsing_exception", error!["error"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"index.mapping.ignore_above":-1}""", "Failed to parse value [-1] for setting [index.mapping.ignore_above] must be >= 0")]
    [InlineData("""{"index.mapping.total_fields.limit":-1}""", "Failed to parse value [-1] for setting [index.mapping.total_fields.limit] must be >= 0")]
    [InlineData("""{"index.mapping.depth.limit":0}""", "Failed to parse value [0] for setting [index.mapping.depth.limit] must be >= 1")]
    [InlineData("""{"index.mapping.ignore_malformed":"maybe"}""", "Failed to parse value [maybe] as only [true] or [false] are allowed.")]
    [InlineData("""{"index.mapping.total_fields.ignore_dynamic_beyond_limit":true}""", "[index.mapping.total_fields.ignore_dynamic_beyond_limit] is not supported by the embedded store (dynamic fields past the limit fail the document)")]
    public async Task BadSetting_IsIllegalArgument(string settings, string reason)
    {
        var (status, error) = await _harness.SendAsync("PUT", "/s", "{\"settings\":" + settings + "}");

        Assert.Equal(400, status);
        Assert.Equal("illegal_argument_exception", error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, error["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task TotalFieldsLimit_RefusesMappingsAndDynamicFieldsPastIt()
    {
        var (created, tooMany) = await _harness.SendAsync("PUT", "/big", """{"settings":{"index.mapping.total_fields.limit":2},"mappings":{"properties":{"a":{"type":"keyword"},"b":{"type":"keyword"},"c":{"type":"keyword"}}}}""");
        await _harness.OkAsync("PUT", "/s", """{"settings":{"index.mapping.total_fields.limit":2},"mappings":{"properties":{"a":{"type":"keyword"}}}}""");
        var (put, putError) = await _harness.SendAsync("PUT", "/s/_mapping", """{"properties":{"o":{"properties":{"x":{"type":"long"},"y":{"type":"long"}}}}}""");
        var (indexed, docError) = await _harness.SendAsync("PUT", "/s/_doc/1", """{"t":"text and keyword"}""");
        var (fits, _) = await _harness.SendAsync("PUT", "/s/_doc/2", """{"n":1}""");

        Assert.Equal(400, created);
        Assert.Equal("Limit of total fields [2] has been exceeded", tooMany!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(400, put);
        Assert.Equal("illegal_argument_exception", putError!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(400, indexed);
        Assert.Equal("document_parsing_exception", docError!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("failed to parse: Limit of total fields [2] has been exceeded while adding new fields [2]", docError["error"]!["reason"]!.GetValue<string>());
        Assert.Equal("illegal_argument_exception", docError["error"]!["caused_by"]!["type"]!.GetValue<string>());
        Assert.Equal(201, fits);
    }

    [Fact]
    public async Task DepthNestedAndNameLengthLimits_AreEnforced()
    {
        var (deep, deepError) = await _harness.SendAsync("PUT", "/d", """{"settings":{"index.mapping.depth.limit":2},"mappings":{"properties":{"a":{"properties":{"b":{"properties":{"c":{"type":"long"}}}}}}}}""");
        var (nested, nestedError) = await _harness.SendAsync("PUT", "/n", """{"settings":{"index.mapping.nested_fields.limit":1},"mappings":{"properties":{"x":{"type":"nested"},"y":{"type":"nested"}}}}""");
        var (named, nameError) = await _harness.SendAsync("PUT", "/l", """{"settings":{"index.mapping.field_name_length.limit":3},"mappings":{"properties":{"long_name":{"type":"long"}}}}""");
        await _harness.OkAsync("PUT", "/dyn", """{"settings":{"index.mapping.depth.limit":2}}""");
        var (dynamicDeep, dynamicError) = await _harness.SendAsync("PUT", "/dyn/_doc/1", """{"a":{"b":{"c":1}}}""");

        Assert.Equal(400, deep);
        Assert.Equal("Limit of mapping depth [2] has been exceeded due to object field [a.b]", deepError!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(400, nested);
        Assert.Equal("Limit of nested fields [1] has been exceeded", nestedError!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(400, named);
        Assert.Equal("Field name [long_name] is longer than the limit of [3] characters", nameError!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(400, dynamicDeep);
        Assert.Equal("document_parsing_exception", dynamicError!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task FinalMappingSettings_CannotBeUpdated()
    {
        await _harness.OkAsync("PUT", "/s", "{}");

        var (status, error) = await _harness.SendAsync("PUT", "/s/_settings", """{"index.mapping.ignore_above":3}""");
        var (limit, _) = await _harness.SendAsync("PUT", "/s/_settings", """{"index.mapping.total_fields.limit":3000}""");

        Assert.Equal(400, status);
        Assert.StartsWith("Can't update non dynamic settings [[index.mapping.ignore_above]] for open indices [[s/", error!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(200, limit);
    }

    public void Dispose() => _harness.Dispose();
}
