using System.Text;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class ByQueryEndpointsTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task DeleteByQuery_DeletesTheMatchesAndCounts()
    {
        await SeedAsync("docs", 10);

        var result = await _store.OkAsync("POST", "/docs/_delete_by_query?refresh=true", """{"query":{"range":{"n":{"gte":6}}}}""");
        var count = await _store.OkAsync("GET", "/docs/_count");

        Assert.Equal(4, result["deleted"]!.GetValue<int>());
        Assert.Equal(4, result["total"]!.GetValue<int>());
        Assert.Empty(result["failures"]!.AsArray());
        Assert.Equal(6, count["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateByQuery_ReindexesInPlacePickingUpNewFields()
    {
        await _store.OkAsync("PUT", "/docs", """{"mappings":{"dynamic":false,"properties":{"n":{"type":"integer"}}}}""");
        await _store.OkAsync("PUT", "/docs/_doc/1?refresh=true", """{"n":1,"name":"ridge"}""");
        await _store.OkAsync("PUT", "/docs/_mapping", """{"properties":{"name":{"type":"keyword"}}}""");
        var before = await _store.OkAsync("POST", "/docs/_count", """{"query":{"term":{"name":"ridge"}}}""");

        var result = await _store.OkAsync("POST", "/docs/_update_by_query?refresh=true");
        var after = await _store.OkAsync("POST", "/docs/_count", """{"query":{"term":{"name":"ridge"}}}""");
        var doc = await _store.OkAsync("GET", "/docs/_doc/1");
        var script = await _store.SendAsync("POST", "/docs/_update_by_query", """{"script":{"source":"ctx._source.n++","lang":"groovy"}}""");

        Assert.Equal(0, before["count"]!.GetValue<int>());
        Assert.Equal(1, result["updated"]!.GetValue<int>());
        Assert.Equal(1, after["count"]!.GetValue<int>());
        Assert.Equal(2, doc["_version"]!.GetValue<int>());
        // Scripts run now (ScriptedWritesTests); a language other than painless is refused.
        Assert.Equal(400, script.Status);
        Assert.Equal("script_lang not supported [groovy]", script.Body!["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reindex_CopiesWithQueryAndMaxDocs()
    {
        await SeedAsync("src", 10);

        var result = await _store.OkAsync("POST", "/_reindex?refresh=true", """{"max_docs":3,"source":{"index":"src","query":{"range":{"n":{"lt":5}}}},"dest":{"index":"dst"}}""");
        var copied = await _store.OkAsync("GET", "/dst/_doc/2");

        Assert.Equal(3, result["created"]!.GetValue<int>());
        Assert.Equal(3, (await _store.OkAsync("GET", "/dst/_count"))["count"]!.GetValue<int>());
        Assert.Equal(2, copied["_source"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reindex_CreateOnlyConflictsAbortOrProceed()
    {
        await SeedAsync("src", 4);
        await _store.OkAsync("PUT", "/dst/_doc/1?refresh=true", """{"n":-1}""");
        const string Body = """{"source":{"index":"src"},"dest":{"index":"dst","op_type":"create"}}""";

        var aborted = await _store.SendAsync("POST", "/_reindex", Body);
        var proceeded = await _store.OkAsync("POST", "/_reindex?refresh=true", Body.Replace("{\"source\"", "{\"conflicts\":\"proceed\",\"source\"", StringComparison.Ordinal));

        Assert.Equal(409, aborted.Status);
        Assert.Equal("1", aborted.Body!["failures"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("version_conflict_engine_exception", aborted.Body!["failures"]![0]!["cause"]!["type"]!.GetValue<string>());
        Assert.Equal(4, proceeded["version_conflicts"]!.GetValue<int>() + proceeded["created"]!.GetValue<int>());
        Assert.Equal(-1, (await _store.OkAsync("GET", "/dst/_doc/1"))["_source"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reindex_DocumentsTheDestinationRefusesAreReportedAndTheSourceKeepsThem()
    {
        await SeedAsync("src", 3);
        await _store.OkAsync("PUT", "/dst", """{"mappings":{"properties":{"when":{"type":"date"}}}}""");
        await _store.OkAsync("PUT", "/src/_doc/bad?refresh=true", """{"when":"not a date"}""");

        var (status, json) = await _store.SendAsync("POST", "/_reindex", """{"source":{"index":"src","query":{"ids":{"values":["bad"]}}},"dest":{"index":"dst"}}""");

        Assert.Equal(400, status);
        Assert.Equal("bad", json!["failures"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("document_parsing_exception", json["failures"]![0]!["cause"]!["type"]!.GetValue<string>());
        Assert.Equal(4, (await _store.OkAsync("GET", "/src/_count"))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeleteByQuery_AConflictEndsTheRunAfterItsBatchWhoseOtherDeletesStay()
    {
        await SeedAsync("docs", 10);
        // Changed after the last refresh: the run sees the old version of document 2 (in its first batch of 5).
        await _store.OkAsync("PUT", "/docs/_doc/2", """{"n":20}""");

        var aborted = await _store.SendAsync("POST", "/docs/_delete_by_query?scroll_size=5&refresh=true", """{"query":{"match_all":{}}}""");
        var left = await _store.OkAsync("POST", "/docs/_search?size=20", """{"sort":[{"n":"asc"}]}""");

        // As Elasticsearch, which sends each batch as one bulk request: the other four deletes of that batch are done,
        // the second batch never runs.
        Assert.Equal(409, aborted.Status);
        Assert.Equal(4, aborted.Body!["deleted"]!.GetValue<int>());
        Assert.Equal(1, aborted.Body!["version_conflicts"]!.GetValue<int>());
        Assert.Equal(1, aborted.Body!["batches"]!.GetValue<int>());
        Assert.Equal("2", Assert.Single(aborted.Body!["failures"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal([5, 6, 7, 8, 9, 20], left["hits"]!["hits"]!.AsArray().Select(h => h!["_source"]!["n"]!.GetValue<int>()));
    }

    private async Task SeedAsync(string index, int count)
    {
        var bulk = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            bulk.Append("{\"index\":{\"_index\":\"").Append(index).Append("\",\"_id\":\"").Append(i).Append("\"}}\n{\"n\":").Append(i).Append("}\n");
        }

        var (status, json) = await _store.SendAsync("POST", "/_bulk?refresh=true", bulk.ToString(), "application/x-ndjson");
        Assert.Equal(200, status);
        Assert.False(json!["errors"]!.GetValue<bool>(), json.ToJsonString());
    }
}
