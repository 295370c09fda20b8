using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Scripting;

public sealed class ScriptedWritesTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public void Dispose() => _store.Dispose();

    private async Task SeedAsync(string index, params string[] docs)
    {
        for (var i = 0; i < docs.Length; i++)
        {
            await _store.OkAsync("PUT", "/" + index + "/_doc/" + (i + 1) + "?refresh=true", docs[i]);
        }
    }

    [Fact]
    public async Task Update_ScriptChangesTheSourceWithParams()
    {
        await SeedAsync("t", """{"count":1,"tags":["a"]}""");

        var result = await _store.OkAsync("POST", "/t/_update/1", """{"script":{"source":"ctx._source.count += params.n; ctx._source.tags.add(params.tag); ctx._source.seen = ctx._version","params":{"n":4,"tag":"b"}}}""");
        var doc = await _store.OkAsync("GET", "/t/_doc/1");

        Assert.Equal("updated", result["result"]!.GetValue<string>());
        Assert.Equal(2, result["_version"]!.GetValue<int>());
        Assert.Equal("""{"count":5,"tags":["a","b"],"seen":1}""", doc["_source"]!.ToJsonString());
    }

    [Fact]
    public async Task Update_ScriptOpNoopAndDelete()
    {
        await SeedAsync("t", """{"n":1}""", """{"n":2}""");

        var noop = await _store.OkAsync("POST", "/t/_update/1", """{"script":"ctx.op = 'noop'"}""");
        var none = await _store.OkAsync("POST", "/t/_update/1", """{"script":"ctx.op = 'none'"}""");
        var deleted = await _store.OkAsync("POST", "/t/_update/2", """{"script":"if (ctx._source.n == 2) { ctx.op = 'delete' }"}""");
        var gone = await _store.SendAsync("GET", "/t/_doc/2");

        Assert.Equal("noop", noop["result"]!.GetValue<string>());
        Assert.Equal(1, noop["_version"]!.GetValue<int>());
        Assert.Equal(0, noop["_shards"]!["total"]!.GetValue<int>());
        Assert.Equal("noop", none["result"]!.GetValue<string>());
        Assert.Equal("deleted", deleted["result"]!.GetValue<string>());
        Assert.Equal(404, gone.Status);
    }

    [Fact]
    public async Task Update_UpsertAndScriptedUpsert()
    {
        var plain = await _store.OkAsync("POST", "/t/_update/1", """{"script":"ctx._source.n += 1","upsert":{"n":1}}""");
        var again = await _store.OkAsync("POST", "/t/_update/1", """{"script":"ctx._source.n += 1","upsert":{"n":1}}""");
        var scripted = await _store.OkAsync("POST", "/t/_update/2", """{"scripted_upsert":true,"script":{"source":"ctx._source.n = params.start; ctx._source.op = ctx.op","params":{"start":7}},"upsert":{}}""");
        var missing = await _store.SendAsync("POST", "/t/_update/3", """{"script":"ctx._source.n = 1"}""");

        Assert.Equal("created", plain["result"]!.GetValue<string>());
        Assert.Equal("updated", again["result"]!.GetValue<string>());
        Assert.Equal(2, (await _store.OkAsync("GET", "/t/_doc/1"))["_source"]!["n"]!.GetValue<int>());
        Assert.Equal("created", scripted["result"]!.GetValue<string>());
        Assert.Equal("""{"n":7,"op":"create"}""", (await _store.OkAsync("GET", "/t/_doc/2"))["_source"]!.ToJsonString());
        Assert.Equal(404, missing.Status);
        Assert.Equal("document_missing_exception", missing.Body!["error"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"script":"1","doc":{"a":1}}""", "Validation Failed: 1: can't provide both script and doc;")]
    [InlineData("""{"script":"1","doc_as_upsert":true}""", "Validation Failed: 1: doc must be specified if doc_as_upsert is enabled;")]
    [InlineData("""{"upsert":{}}""", "Validation Failed: 1: script or doc is missing;")]
    public async Task Update_ValidationFailures(string body, string reason)
    {
        var (status, error) = await _store.SendAsync("POST", "/t/_update/1", body);

        Assert.Equal(400, status);
        Assert.Equal(reason, error!["error"]!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ctx.junk = 'stuff'", "Cannot put key [junk] with value [stuff] into ctx")]
    [InlineData("ctx._id = 'x'", "_id cannot be updated")]
    [InlineData("ctx.op = 'junk'", "[op] must be one of delete, index, noop, not [junk]")]
    [InlineData("ctx._source.missing.x = 1", "Cannot set the member [x] of a null value.")]
    public async Task Update_ScriptErrorsAreRuntimeErrors(string source, string cause)
    {
        await SeedAsync("t", """{"n":1}""");

        var body = new JsonObject { ["script"] = new JsonObject { ["source"] = source } }.ToJsonString();
        var (status, error) = await _store.SendAsync("POST", "/t/_update/1", body);
        var doc = await _store.OkAsync("GET", "/t/_doc/1");

        // As Elasticsearch's UpdateHelper: the script_exception wrapped in "failed to execute script".
        Assert.Equal(400, status);
        Assert.Equal("illegal_argument_exception", error!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("failed to execute script", error["error"]!["reason"]!.GetValue<string>());
        Assert.Equal("script_exception", error["error"]!["caused_by"]!["type"]!.GetValue<string>());
        Assert.Equal("runtime error", error["error"]!["caused_by"]!["reason"]!.GetValue<string>());
        Assert.Equal(cause, error["error"]!["caused_by"]!["caused_by"]!["reason"]!.GetValue<string>());
        Assert.Equal(1, doc["_version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Update_CompileErrorHasElasticsearchShape()
    {
        await SeedAsync("t", """{"n":1}""");

        var (status, error) = await _store.SendAsync("POST", "/t/_update/1", """{"script":"syntax errors are fun!"}""");

        var cause = error!["error"]!["caused_by"]!;
        Assert.Equal(400, status);
        Assert.Equal("failed to execute script", error["error"]!["reason"]!.GetValue<string>());
        Assert.Equal("compile error", cause["reason"]!.GetValue<string>());
        Assert.Equal("script_exception", cause["type"]!.GetValue<string>());
        Assert.Equal("painless", cause["lang"]!.GetValue<string>());
        Assert.Equal("syntax errors are fun!", cause["script"]!.GetValue<string>());
        Assert.NotNull(cause["position"]!["offset"]);
    }

    [Fact]
    public async Task Bulk_UpdateWithScript()
    {
        await SeedAsync("t", """{"n":1}""");
        const string body = "{\"update\":{\"_index\":\"t\",\"_id\":\"1\"}}\n{\"script\":{\"source\":\"ctx._source.n *= 10\"}}\n{\"update\":{\"_index\":\"t\",\"_id\":\"1\"}}\n{\"script\":\"ctx.op = 'noop'\"}\n";

        var (status, result) = await _store.SendAsync("POST", "/_bulk", body, "application/x-ndjson");

        Assert.Equal(200, status);
        Assert.Equal("updated", result!["items"]![0]!["update"]!["result"]!.GetValue<string>());
        Assert.Equal("noop", result["items"]![1]!["update"]!["result"]!.GetValue<string>());
        Assert.Equal(10, (await _store.OkAsync("GET", "/t/_doc/1"))["_source"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateByQuery_CountsUpdatedDeletedAndNoops()
    {
        await SeedAsync("t", """{"level":9}""", """{"level":10}""", """{"level":11}""", """{"level":12}""");

        var result = await _store.OkAsync("POST", "/t/_update_by_query?refresh=true", """
            {"script":{"lang":"painless","source":"int choice = ctx._source.level % 3; if (choice == 0) { ctx._source.done = true } else if (choice == 1) { ctx.op = 'noop' } else { ctx.op = 'delete' }"}}
            """);
        var done = await _store.OkAsync("POST", "/t/_count", """{"query":{"term":{"done":true}}}""");

        Assert.Equal(2, result["updated"]!.GetValue<int>());
        Assert.Equal(1, result["deleted"]!.GetValue<int>());
        Assert.Equal(1, result["noops"]!.GetValue<int>());
        Assert.Equal(2, done["count"]!.GetValue<int>());
        Assert.Equal(3, (await _store.OkAsync("GET", "/t/_count"))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateByQuery_VersionIsMinusOneUnlessAskedFor()
    {
        await _store.OkAsync("PUT", "/t/_doc/1?version=500&version_type=external&refresh=true", """{"user":"kimchy"}""");

        await _store.OkAsync("POST", "/t/_update_by_query?refresh=true&version=true", """{"script":"ctx._source.old = ctx._version"}""");
        var withVersion = (await _store.OkAsync("GET", "/t/_doc/1"))["_source"]!["old"]!.GetValue<long>();
        await _store.OkAsync("POST", "/t/_update_by_query?refresh=true", """{"script":"ctx._source.old = ctx._version"}""");
        var without = (await _store.OkAsync("GET", "/t/_doc/1"))["_source"]!["old"]!.GetValue<long>();

        Assert.Equal(500, withVersion);
        Assert.Equal(-1, without);
    }

    [Fact]
    public async Task UpdateByQuery_ScriptErrorFailsTheRequest()
    {
        await SeedAsync("t", """{"n":1}""");

        var (status, error) = await _store.SendAsync("POST", "/t/_update_by_query", """{"script":"ctx._id = 'x'"}""");

        Assert.Equal(400, status);
        Assert.Equal("_id cannot be updated", error!["error"]!["caused_by"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reindex_ScriptChangesIdIndexAndOp()
    {
        await SeedAsync("src", """{"lang":"en","id":123}""", """{"lang":"en","id":456}""", """{"lang":"fr","id":789}""", """{"lang":"de","id":1}""");
        await _store.OkAsync("PUT", "/dst/_doc/fr_789", """{"lang":"fr"}""");
        await _store.OkAsync("PUT", "/dst/_doc/en_123", """{"lang":"en"}""");

        var result = await _store.OkAsync("POST", "/_reindex?refresh=true", """
            {"source":{"index":"src"},"dest":{"index":"dst"},
             "script":{"source":"ctx._id = ctx._source.lang + '_' + ctx._source.id; if (ctx._source.lang == 'fr') { ctx.op = 'delete' } else if (ctx._source.lang == 'de') { ctx._index = 'other' }"}}
            """);

        Assert.Equal(2, result["created"]!.GetValue<int>());
        Assert.Equal(1, result["updated"]!.GetValue<int>());
        Assert.Equal(1, result["deleted"]!.GetValue<int>());
        Assert.Equal(404, (await _store.SendAsync("GET", "/dst/_doc/fr_789")).Status);
        Assert.Equal(2, (await _store.OkAsync("GET", "/dst/_doc/en_123"))["_version"]!.GetValue<int>());
        Assert.Equal(200, (await _store.SendAsync("GET", "/other/_doc/de_1")).Status);
    }

    [Fact]
    public async Task Reindex_NoopEverythingCreatesNoIndex()
    {
        await SeedAsync("src", """{"n":1}""", """{"n":2}""");

        var result = await _store.OkAsync("POST", "/_reindex", """{"source":{"index":"src"},"dest":{"index":"dst"},"script":"ctx.op = 'noop'"}""");

        Assert.Equal(2, result["noops"]!.GetValue<int>());
        Assert.Equal(404, (await _store.SendAsync("HEAD", "/dst")).Status);
    }

    [Fact]
    public async Task Reindex_NullIdGetsAnAutomaticId()
    {
        await SeedAsync("src", """{"n":1}""");
        await _store.OkAsync("PUT", "/dst/_doc/1", """{"n":0}""");

        var result = await _store.OkAsync("POST", "/_reindex?refresh=true", """{"source":{"index":"src"},"dest":{"index":"dst"},"script":"ctx._id = null"}""");

        Assert.Equal(1, result["created"]!.GetValue<int>());
        Assert.Equal(2, (await _store.OkAsync("GET", "/dst/_count"))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reindex_BrokenScriptIsACompileError()
    {
        await SeedAsync("src", """{"n":1}""");

        var (status, error) = await _store.SendAsync("POST", "/_reindex", """{"source":{"index":"src"},"dest":{"index":"dst"},"script":{"lang":"painless","source":"syntax errors are fun!"}}""");

        Assert.Equal(400, status);
        Assert.Equal("compile error", error!["error"]!["reason"]!.GetValue<string>());
    }
}
