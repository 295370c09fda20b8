using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Mapping;

public sealed class SourceFieldTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Fact]
    public async Task DisabledSource_IsNeitherReturnedNorUpdatable_ButFieldsStaySearchable()
    {
        await _harness.OkAsync("PUT", "/s", """{"mappings":{"_source":{"enabled":false},"properties":{"k":{"type":"keyword"}}}}""");
        await _harness.OkAsync("PUT", "/s/_doc/1?refresh=true", """{"k":"a"}""");

        var got = await _harness.OkAsync("GET", "/s/_doc/1");
        var (sourceStatus, sourceError) = await _harness.SendAsync("GET", "/s/_source/1");
        var hits = await _harness.OkAsync("POST", "/s/_search", """{"query":{"term":{"k":"a"}}}""");
        var (update, updateError) = await _harness.SendAsync("POST", "/s/_update/1", """{"doc":{"k":"b"}}""");
        var (reindex, reindexBody) = await _harness.SendAsync("POST", "/_reindex", """{"source":{"index":"s"},"dest":{"index":"copy"}}""");
        var mapping = await _harness.OkAsync("GET", "/s/_mapping");

        Assert.True(got["found"]!.GetValue<bool>());
        Assert.Null(got["_source"]);
        Assert.Equal(404, sourceStatus);
        Assert.Equal("Source not found [s]/[1]", sourceError!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(1, hits["hits"]!["total"]!["value"]!.GetValue<int>());
        Assert.Null(hits["hits"]!["hits"]![0]!["_source"]);
        Assert.Equal(400, update);
        Assert.Equal("document_source_missing_exception", updateError!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(400, reindex);
        Assert.Equal("[s][1] didn't store _source", reindexBody!["failures"]![0]!["cause"]!["reason"]!.GetValue<string>());
        Assert.False(mapping["s"]!["mappings"]!["_source"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task IncludesAndExcludes_FilterWhatIsReturned_AndWhatUpdateMerges()
    {
        await _harness.OkAsync("PUT", "/s", """{"mappings":{"_source":{"includes":["a*","o.*"],"excludes":["o.secret"]}}}""");
        await _harness.OkAsync("PUT", "/s/_doc/1?refresh=true", """{"a1":1,"b":2,"o":{"x":3,"secret":4}}""");

        var got = await _harness.OkAsync("GET", "/s/_doc/1");
        var hit = await _harness.OkAsync("POST", "/s/_search", """{"query":{"term":{"b":2}}}""");
        await _harness.OkAsync("POST", "/s/_update/1?refresh=true", """{"doc":{"a2":5}}""");
        var updated = await _harness.OkAsync("POST", "/s/_search", """{"query":{"term":{"a2":5}}}""");
        var lost = await _harness.OkAsync("POST", "/s/_search", """{"query":{"term":{"b":2}}}""");

        Assert.Equal("""{"a1":1,"o":{"x":3}}""", got["_source"]!.ToJsonString());
        Assert.Equal("""{"a1":1,"o":{"x":3}}""", hit["hits"]!["hits"]![0]!["_source"]!.ToJsonString());
        Assert.Equal(1, updated["hits"]!["total"]!["value"]!.GetValue<int>());
        // As in Elasticsearch, an update merges into the stored (filtered) source: the left-out field is gone.
        Assert.Equal(0, lost["hits"]!["total"]!["value"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"_source":{"enabled":"no"}}""")]
    [InlineData("""{"_source":{"compress":true}}""")]
    [InlineData("""{"_source":{"mode":"columnar"}}""")]
    [InlineData("""{"_source":{"includes":[1]}}""")]
    public async Task BadSourceMapping_IsMapperParsingException(string mappings)
    {
        var (status, error) = await _harness.SendAsync("PUT", "/bad", "{\"mappings\":" + mappings + "}");

        Assert.Equal(400, status);
        Assert.Equal("mapper_parsing_exception", error!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task SourceEnabled_CannotChange()
    {
        await _harness.OkAsync("PUT", "/s", "{}");

        var (status, error) = await _harness.SendAsync("PUT", "/s/_mapping", """{"_source":{"enabled":false}}""");

        Assert.Equal(400, status);
        Assert.Contains("Cannot update parameter [enabled] from [true] to [false]", error!["error"]!["reason"]!.GetValue<string>());
    }

    public void Dispose() => _harness.Dispose();
}
