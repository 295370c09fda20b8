using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class DocumentEndpointsTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    [Fact]
    public async Task Index_ThenGet_ReturnsSourceAndVersions()
    {
        var (status, created) = await _harness.SendAsync("PUT", "/docs/_doc/1", """{"title":"Ama Dablam","elev":6812}""");
        var got = await _harness.OkAsync("GET", "/docs/_doc/1");

        Assert.Equal(201, status);
        Assert.Equal("created", created!["result"]!.GetValue<string>());
        Assert.Equal(1, created["_version"]!.GetValue<long>());
        Assert.Equal(0, created["_seq_no"]!.GetValue<long>());
        Assert.Equal(1, created["_primary_term"]!.GetValue<long>());
        Assert.Equal(2, created["_shards"]!["total"]!.GetValue<int>());
        Assert.Equal(1, created["_shards"]!["successful"]!.GetValue<int>());
        Assert.True(got["found"]!.GetValue<bool>());
        Assert.Equal("Ama Dablam", got["_source"]!["title"]!.GetValue<string>());
        Assert.Equal(0, got["_seq_no"]!.GetValue<long>());
    }

    [Fact]
    public async Task Get_WithStoredFields_ReturnsStoredFieldsWithoutSource()
    {
        await _harness.OkAsync("PUT", "/docs", """{"mappings":{"properties":{"title":{"type":"keyword","store":true},"elev":{"type":"long"}}}}""");
        await _harness.OkAsync("PUT", "/docs/_doc/1", """{"title":"Ama Dablam","elev":6812}""");

        var got = await _harness.OkAsync("GET", "/docs/_doc/1?stored_fields=title,elev");
        var mget = await _harness.OkAsync("POST", "/docs/_mget", """{"docs":[{"_id":"1","stored_fields":["t*"]}]}""");

        Assert.Null(got["_source"]);
        Assert.Equal("""{"title":["Ama Dablam"]}""", got["fields"]!.ToJsonString());
        Assert.Equal("""{"title":["Ama Dablam"]}""", mget["docs"]![0]!["fields"]!.ToJsonString());
    }

    [Fact]
    public async Task Reindex_SameId_IsUpdatedWithNextVersion()
    {
        await _harness.OkAsync("PUT", "/docs/_doc/1", """{"a":1}""");
        var (status, second) = await _harness.SendAsync("PUT", "/docs/_doc/1", """{"a":2}""");

        Assert.Equal(200, status);
        Assert.Equal("updated", second!["result"]!.GetValue<string>());
        Assert.Equal(2, second["_version"]!.GetValue<long>());
        Assert.Equal(1, second["_seq_no"]!.GetValue<long>());
    }

    [Fact]
    public async Task PostWithoutId_GeneratesTwentyCharacterId()
    {
        var (status, body) = await _harness.SendAsync("POST", "/docs/_doc", """{"a":1}""");

        Assert.Equal(201, status);
        var id = body!["_id"]!.GetValue<string>();
        Assert.Equal(20, id.Length);
        Assert.Matches("^[A-Za-z0-9_-]{20}$", id);
        await _harness.OkAsync("GET", "/docs/_doc/" + id);
    }

    [Fact]
    public async Task Create_ExistingId_Is409WithElasticsearchReason()
    {
        await _harness.OkAsync("PUT", "/docs/_create/1", """{"a":1}""");
        var (status, body) = await _harness.SendAsync("PUT", "/docs/_create/1", """{"a":2}""");
        var (opTypeStatus, _) = await _harness.SendAsync("PUT", "/docs/_doc/1?op_type=create", """{"a":2}""");

        Assert.Equal(409, status);
        Assert.Equal(409, opTypeStatus);
        Assert.Equal("version_conflict_engine_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("[1]: version conflict, document already exists (current version [1])", body["error"]!["reason"]!.GetValue<string>());
        Assert.Equal("docs", body["error"]!["index"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetMissing_ShapesMatchElasticsearch()
    {
        await _harness.OkAsync("PUT", "/docs");
        var (missingDoc, docBody) = await _harness.SendAsync("GET", "/docs/_doc/nope");
        var (missingIndex, indexBody) = await _harness.SendAsync("GET", "/nope/_doc/1");

        Assert.Equal(404, missingDoc);
        Assert.False(docBody!["found"]!.GetValue<bool>());
        Assert.Equal("docs", docBody["_index"]!.GetValue<string>());
        Assert.Equal(404, missingIndex);
        Assert.Equal("index_not_found_exception", indexBody!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("no such index [nope]", indexBody["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Head_ReportsExistence()
    {
        await _harness.OkAsync("PUT", "/docs/_doc/1", """{"a":1}""");

        Assert.Equal(200, (await _harness.SendAsync("HEAD", "/docs/_doc/1")).Status);
        Assert.Equal(404, (await _harness.SendAsync("HEAD", "/docs/_doc/2")).Status);
        Assert.Equal(404, (await _harness.SendAsync("HEAD", "/other/_doc/1")).Status);
    }

    [Fact]
    public async Task Delete_ThenDeleteAgain_IsNotFound404()
    {
        await _harness.OkAsync("PUT", "/docs/_doc/1", """{"a":1}""");
        var deleted = await _harness.OkAsync("DELETE", "/docs/_doc/1");
        var (status, again) = await _harness.SendAsync("DELETE", "/docs/_doc/1");
        var (getStatus, _) = await _harness.SendAsync("GET", "/docs/_doc/1");

        Assert.Equal("deleted", deleted["result"]!.GetValue<string>());
        Assert.Equal(2, deleted["_version"]!.GetValue<long>());
        Assert.Equal(404, status);
        Assert.Equal("not_found", again!["result"]!.GetValue<string>());
        Assert.Equal(404, getStatus);
    }

    [Theory]
    [InlineData("_source=false", false, null)]
    [InlineData("_source_includes=a", true, "a")]
    [InlineData("_source_excludes=a", true, "b")]
    [InlineData("_source=b", true, "b")]
    public async Task Get_SourceFiltering(string query, bool hasSource, string? onlyField)
    {
        await _harness.OkAsync("PUT", "/docs/_doc/1", """{"a":1,"b":{"c":2}}""");
        var body = await _harness.OkAsync("GET", "/docs/_doc/1?" + query);

        Assert.Equal(hasSource, body["_source"] is not null);
        if (onlyField is not null)
        {
            Assert.Equal([onlyField], body["_source"]!.AsObject().Select(p => p.Key));
        }
    }

    [Fact]
    public async Task Get_StoredFields_OmitsSource()
    {
        await _harness.OkAsync("PUT", "/docs/_doc/1", """{"a":1}""");
        var body = await _harness.OkAsync("GET", "/docs/_doc/1?stored_fields=a");

        Assert.True(body["found"]!.GetValue<bool>());
        Assert.Null(body["_source"]);
    }

    [Fact]
    public async Task GetSource_ReturnsOnlyTheSource()
    {
        await _harness.OkAsync("PUT", "/docs/_doc/1", """{"a":1}""");
        var body = await _harness.OkAsync("GET", "/docs/_source/1");

        Assert.Equal(1, body["a"]!.GetValue<int>());
        Assert.Equal(404, (await _harness.SendAsync("GET", "/docs/_source/2")).Status);
    }

    [Fact]
    public async Task IfSeqNo_Mismatch_Is409()
    {
        await _harness.OkAsync("PUT", "/docs/_doc/1", """{"a":1}""");
        var ok = await _harness.OkAsync("PUT", "/docs/_doc/1?if_seq_no=0&if_primary_term=1", """{"a":2}""");
        var (status, body) = await _harness.SendAsync("PUT", "/docs/_doc/1?if_seq_no=0&if_primary_term=1", """{"a":3}""");

        Assert.Equal(1, ok["_seq_no"]!.GetValue<long>());
        Assert.Equal(409, status);
        Assert.Equal("[1]: version conflict, required seqNo [0], primary term [1]. current document has seqNo [1] and primary term [1]", body!["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExternalVersion_MustIncrease()
    {
        var first = await _harness.OkAsync("PUT", "/docs/_doc/1?version=10&version_type=external", """{"a":1}""");
        var (status, body) = await _harness.SendAsync("PUT", "/docs/_doc/1?version=5&version_type=external", """{"a":2}""");

        Assert.Equal(10, first["_version"]!.GetValue<long>());
        Assert.Equal(409, status);
        Assert.Equal("[1]: version conflict, current version [10] is higher or equal to the one provided [5]", body!["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task InternalVersionParameter_IsRejected()
    {
        await _harness.OkAsync("PUT", "/docs/_doc/1", """{"a":1}""");
        var (status, body) = await _harness.SendAsync("PUT", "/docs/_doc/1?version=1", """{"a":2}""");

        Assert.Equal(400, status);
        Assert.Equal("action_request_validation_exception", body!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_MergesDocAndDetectsNoop()
    {
        await _harness.OkAsync("PUT", "/docs/_doc/1", """{"a":1,"o":{"x":1,"y":2}}""");
        var updated = await _harness.OkAsync("POST", "/docs/_update/1", """{"doc":{"b":2,"o":{"y":3}}}""");
        var noop = await _harness.OkAsync("POST", "/docs/_update/1", """{"doc":{"b":2}}""");
        var got = await _harness.OkAsync("GET", "/docs/_doc/1");

        Assert.Equal("updated", updated["result"]!.GetValue<string>());
        Assert.Equal("noop", noop["result"]!.GetValue<string>());
        Assert.Equal(2, noop["_version"]!.GetValue<long>());
        Assert.Equal(0, noop["_shards"]!["total"]!.GetValue<int>());
        Assert.Equal("""{"a":1,"o":{"x":1,"y":3},"b":2}""", got["_source"]!.ToJsonString());
    }

    [Fact]
    public async Task Update_Missing_Is404UnlessUpsert()
    {
        var (status, body) = await _harness.SendAsync("POST", "/docs/_update/1", """{"doc":{"a":1}}""");
        var (upsertStatus, upserted) = await _harness.SendAsync("POST", "/docs/_update/2", """{"doc":{"a":1},"doc_as_upsert":true}""");
        var (explicitStatus, _) = await _harness.SendAsync("POST", "/docs/_update/3", """{"doc":{"a":1},"upsert":{"a":0}}""");
        var three = await _harness.OkAsync("GET", "/docs/_doc/3");

        Assert.Equal(404, status);
        Assert.Equal("document_missing_exception", body!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("[1]: document missing", body["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(201, upsertStatus);
        Assert.Equal("created", upserted!["result"]!.GetValue<string>());
        Assert.Equal(201, explicitStatus);
        Assert.Equal(0, three["_source"]!["a"]!.GetValue<int>());
    }

    [Fact]
    public async Task Mget_DocsAndIdsForms()
    {
        await _harness.OkAsync("PUT", "/docs/_doc/1", """{"a":1}""");
        await _harness.OkAsync("PUT", "/docs/_doc/2", """{"a":2}""");
        var byDocs = await _harness.OkAsync("POST", "/_mget", """{"docs":[{"_index":"docs","_id":"1"},{"_index":"docs","_id":"9"},{"_index":"nope","_id":"1"}]}""");
        var byIds = await _harness.OkAsync("POST", "/docs/_mget", """{"ids":["2","1"]}""");

        Assert.True(byDocs["docs"]![0]!["found"]!.GetValue<bool>());
        Assert.False(byDocs["docs"]![1]!["found"]!.GetValue<bool>());
        Assert.Equal("index_not_found_exception", byDocs["docs"]![2]!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("2", byIds["docs"]![0]!["_id"]!.GetValue<string>());
        Assert.Equal(1, byIds["docs"]![1]!["_source"]!["a"]!.GetValue<int>());
    }

    [Fact]
    public async Task RefreshTrue_ReportsForcedRefresh()
    {
        var body = await _harness.OkAsync("PUT", "/docs/_doc/1?refresh=true", """{"a":1}""");
        var waitFor = await _harness.OkAsync("PUT", "/docs/_doc/2?refresh=wait_for", """{"a":1}""");

        Assert.True(body["forced_refresh"]!.GetValue<bool>());
        Assert.Null(waitFor["forced_refresh"]);
    }

    public void Dispose() => _harness.Dispose();
}
