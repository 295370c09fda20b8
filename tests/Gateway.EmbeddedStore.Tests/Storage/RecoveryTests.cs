using Gateway.EmbeddedStore.Storage;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Storage;

public sealed class RecoveryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "recovery-test-" + Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_root, "data");

    [Fact]
    public async Task Restart_RestoresIndicesMappingsAliasesAndDocuments()
    {
        using (var harness = StoreHarness.OnDisk(Data))
        {
            await harness.OkAsync("PUT", "/p", """{"settings":{"number_of_replicas":0},"mappings":{"properties":{"k":{"type":"keyword"}}},"aliases":{"pa":{}}}""");
            await harness.OkAsync("PUT", "/p/_doc/1", """{"k":"a","extra":5}""");
            await harness.OkAsync("PUT", "/p/_doc/2", """{"k":"b"}""");
            await harness.OkAsync("DELETE", "/p/_doc/2");
            await harness.OkAsync("POST", "/p/_update/1", """{"doc":{"k":"c"}}""");
        }

        using var reopened = StoreHarness.OnDisk(Data);
        var doc = await reopened.OkAsync("GET", "/pa/_doc/1");
        var mapping = await reopened.OkAsync("GET", "/p/_mapping");
        var count = await reopened.OkAsync("GET", "/p/_count");
        var next = await reopened.OkAsync("PUT", "/p/_doc/2", """{"k":"d"}""");

        Assert.Equal("c", doc["_source"]!["k"]!.GetValue<string>());
        Assert.Equal(2, doc["_version"]!.GetValue<long>());
        Assert.Equal("long", mapping["p"]!["mappings"]!["properties"]!["extra"]!["type"]!.GetValue<string>());
        Assert.Equal(1, count["count"]!.GetValue<long>());
        Assert.Equal(3, next["_version"]!.GetValue<long>());
        Assert.Equal(4, next["_seq_no"]!.GetValue<long>());
    }

    [Fact]
    public async Task CrashCopy_WithoutCleanShutdown_RecoversFromTranslog()
    {
        using var harness = StoreHarness.OnDisk(Data);
        await harness.OkAsync("PUT", "/c/_doc/1", """{"a":1}""");
        harness.Store.Snapshot();
        await harness.OkAsync("PUT", "/c/_doc/2", """{"a":2}""");
        await harness.OkAsync("POST", "/_bulk", "{\"index\":{\"_index\":\"c\",\"_id\":\"3\"}}\n{\"a\":3}\n");

        // Copying the folder while the store runs is what a crash right now would leave on disk.
        var copy = CopyData("copy");
        using var recovered = StoreHarness.OnDisk(copy);

        foreach (var id in new[] { "1", "2", "3" })
        {
            Assert.Equal(200, (await recovered.SendAsync("GET", "/c/_doc/" + id)).Status);
        }

        Assert.Single(SnapshotFile.List(copy));
    }

    [Fact]
    public async Task TornTail_IsDroppedAndNeverServed()
    {
        using (var harness = StoreHarness.OnDisk(Data))
        {
            await harness.OkAsync("PUT", "/t/_doc/1", """{"a":1}""");
            await harness.OkAsync("PUT", "/t/_doc/2", """{"a":2}""");
            var copy = CopyData("torn");
            var log = Translog.ListGenerations(copy).Last().Path;
            var bytes = File.ReadAllBytes(log);
            // Cut the last record in half: the write of doc 2 was torn by the crash.
            File.WriteAllBytes(log, bytes[..(bytes.Length - 10)]);
        }

        var tornPath = Path.Combine(_root, "torn");
        var tornLog = Translog.ListGenerations(tornPath).Last().Path;
        var tornLength = new FileInfo(tornLog).Length;
        using var recovered = StoreHarness.OnDisk(tornPath);

        Assert.Equal(200, (await recovered.SendAsync("GET", "/t/_doc/1")).Status);
        Assert.Equal(404, (await recovered.SendAsync("GET", "/t/_doc/2")).Status);
        Assert.True(new FileInfo(tornLog).Length < tornLength);
        var again = await recovered.OkAsync("PUT", "/t/_doc/2", """{"a":22}""");
        Assert.Equal(1, again["_version"]!.GetValue<long>());
    }

    [Fact]
    public async Task CorruptedRecord_FailsChecksumAndIsDropped()
    {
        using (var harness = StoreHarness.OnDisk(Data))
        {
            await harness.OkAsync("PUT", "/x/_doc/1", """{"a":"before"}""");
            await harness.OkAsync("PUT", "/x/_doc/2", """{"a":"corrupt-me"}""");
            CopyData("corrupt");
        }

        var path = Path.Combine(_root, "corrupt");
        var log = Translog.ListGenerations(path).Last().Path;
        var bytes = File.ReadAllBytes(log);
        var at = bytes.AsSpan().LastIndexOf("corrupt-me"u8);
        bytes[at] = (byte)'K';
        File.WriteAllBytes(log, bytes);
        using var recovered = StoreHarness.OnDisk(path);

        Assert.Equal(200, (await recovered.SendAsync("GET", "/x/_doc/1")).Status);
        Assert.Equal(404, (await recovered.SendAsync("GET", "/x/_doc/2")).Status);
    }

    [Fact]
    public async Task SnapshotThreshold_CompactsTranslog()
    {
        using (var harness = StoreHarness.OnDisk(Data, new EmbeddedStoreOptions { TranslogSnapshotThresholdBytes = 4096 }))
        {
            for (var i = 0; i < 50; i++)
            {
                await harness.OkAsync("PUT", "/s/_doc/" + i, "{\"text\":\"" + new string('x', 200) + "\"}");
            }

            for (var i = 0; i < 100 && SnapshotFile.List(Data).Count == 0; i++)
            {
                await Task.Delay(50);
            }

            Assert.NotEmpty(SnapshotFile.List(Data));
        }

        using var reopened = StoreHarness.OnDisk(Data);
        Assert.Equal(50, reopened.Store.Catalog.Find("s")!.LiveCount);
    }

    private string CopyData(string name)
    {
        var target = Path.Combine(_root, name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Data))
        {
            if (!file.EndsWith("store.lock", StringComparison.Ordinal))
            {
                using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var destination = File.Create(Path.Combine(target, Path.GetFileName(file)));
                source.CopyTo(destination);
            }
        }

        return target;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
