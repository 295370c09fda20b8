using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Scripting;

public sealed class StoredScriptTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "stored-scripts-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task PutGetDelete_AndUseFromUpdateByQuery()
    {
        using var store = StoreHarness.InMemory();
        await store.OkAsync("PUT", "/t/_doc/1?refresh=true", """{"level":2}""");

        var put = await store.OkAsync("PUT", "/_scripts/bump", """{"script":{"lang":"painless","source":"ctx._source.level += params.by"}}""");
        var got = await store.OkAsync("GET", "/_scripts/bump");
        var run = await store.OkAsync("POST", "/t/_update_by_query?refresh=true", """{"script":{"id":"bump","params":{"by":3}}}""");
        var update = await store.OkAsync("POST", "/t/_update/1", """{"script":{"id":"bump","params":{"by":10}}}""");
        var deleted = await store.OkAsync("DELETE", "/_scripts/bump");
        var (missingStatus, missing) = await store.SendAsync("GET", "/_scripts/bump");
        var (deleteAgainStatus, _) = await store.SendAsync("DELETE", "/_scripts/bump");

        Assert.True(put["acknowledged"]!.GetValue<bool>());
        Assert.Equal("ctx._source.level += params.by", got["script"]!["source"]!.GetValue<string>());
        Assert.Equal(1, run["updated"]!.GetValue<int>());
        Assert.Equal("updated", update["result"]!.GetValue<string>());
        Assert.Equal(15, (await store.OkAsync("GET", "/t/_doc/1"))["_source"]!["level"]!.GetValue<int>());
        Assert.True(deleted["acknowledged"]!.GetValue<bool>());
        Assert.Equal(404, missingStatus);
        Assert.False(missing!["found"]!.GetValue<bool>());
        Assert.Equal(404, deleteAgainStatus);
    }

    [Theory]
    [InlineData("""{"script":{"source":"1"}}""", "must specify lang for stored script")]
    [InlineData("""{"script":{"lang":"painless"}}""", "must specify source for stored script")]
    [InlineData("""{"script":{"lang":"mustache","source":"{}"}}""", "[lang: mustache] (only painless scripts run) is not supported by the embedded store")]
    [InlineData("""{"script":{"lang":"painless","source":"syntax errors are fun!"}}""", "compile error")]
    public async Task Put_RefusesWhatCannotRun(string body, string reason)
    {
        using var store = StoreHarness.InMemory();

        var (status, error) = await store.SendAsync("PUT", "/_scripts/s", body);

        Assert.Equal(400, status);
        Assert.Equal(reason, error!["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(404, (await store.SendAsync("GET", "/_scripts/s")).Status);
    }

    [Fact]
    public async Task StoredScripts_SurviveRestartFromTheTranslogAndASnapshot()
    {
        using (var store = StoreHarness.OnDisk(_data))
        {
            await store.OkAsync("PUT", "/_scripts/a", """{"script":{"lang":"painless","source":"1"}}""");
            await store.OkAsync("PUT", "/_scripts/b", """{"script":{"lang":"painless","source":"2"}}""");
            await store.OkAsync("DELETE", "/_scripts/b");
            store.Store.Crash();
        }

        using (var reopened = StoreHarness.OnDisk(_data))
        {
            Assert.Equal("1", (await reopened.OkAsync("GET", "/_scripts/a"))["script"]!["source"]!.GetValue<string>());
            Assert.Equal(404, (await reopened.SendAsync("GET", "/_scripts/b")).Status);
        }

        using var afterSnapshot = StoreHarness.OnDisk(_data);
        Assert.Equal("1", (await afterSnapshot.OkAsync("GET", "/_scripts/a"))["script"]!["source"]!.GetValue<string>());
    }
}
