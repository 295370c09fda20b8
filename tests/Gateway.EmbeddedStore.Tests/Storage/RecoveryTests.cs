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

    [Fact]
    public async Task RepeatedCrashes_AfterASnapshot_DoNotPileUpGenerations()
    {
        var options = () => new EmbeddedStoreOptions { TranslogSnapshotThresholdBytes = 4096 };
        var harness = StoreHarness.OnDisk(Data, options());
        await harness.OkAsync("PUT", "/g/_doc/0", """{"a":0}""");
        harness.Store.Snapshot();
        for (var round = 1; round <= 6; round++)
        {
            for (var i = 0; i < 10; i++)
            {
                await harness.OkAsync("PUT", "/g/_doc/" + round + "-" + i, "{\"text\":\"" + new string('x', 200) + "\"}");
            }

            // Each round writes less than the threshold; only together do the rounds pass it.
            harness.Store.Crash();
            harness.Dispose();
            harness = StoreHarness.OnDisk(Data, options());
            for (var wait = 0; wait < 200 && Translog.ListGenerations(Data).Count > 3; wait++)
            {
                await Task.Delay(25);
            }

            Assert.True(Translog.ListGenerations(Data).Count <= 3, "round " + round + ": " + string.Join(", ", Translog.ListGenerations(Data).Select(g => g.Generation)));
        }

        using (harness)
        {
            Assert.Equal(61, harness.Store.Catalog.Find("g")!.LiveCount);
            Assert.Single(SnapshotFile.List(Data));
        }
    }

    [Fact]
    public async Task Recovery_DeletesGenerationsTheSnapshotCovers()
    {
        using (var harness = StoreHarness.OnDisk(Data))
        {
            await harness.OkAsync("PUT", "/d/_doc/1", """{"a":1}""");
            var before = Translog.ListGenerations(Data).Single().Path;
            File.Copy(before, before + ".keep");
            harness.Store.Snapshot();
            await harness.OkAsync("PUT", "/d/_doc/2", """{"a":2}""");
            File.Move(before + ".keep", before);
            harness.Store.Crash();
        }

        // A crash between the snapshot's rename and its clean-up left the covered generation behind.
        var covered = Translog.ListGenerations(Data).First().Generation;
        Assert.True(covered < SnapshotFile.List(Data).Single().Generation);
        using var recovered = StoreHarness.OnDisk(Data);

        Assert.DoesNotContain(Translog.ListGenerations(Data), g => g.Generation == covered);
        Assert.Equal(2, recovered.Store.Catalog.Find("d")!.LiveCount);
    }

    [Fact]
    public async Task Crash_KeepsSyncedWritesOnly()
    {
        using (var harness = StoreHarness.OnDisk(Data))
        {
            await harness.OkAsync("PUT", "/k/_doc/1", """{"a":1}""");
            harness.Store.Catalog.Log.Append(new LogRecord { Op = LogOp.DeleteIndex, IndexUuid = harness.Store.Catalog.Find("k")!.Uuid });
            harness.Store.Crash();
        }

        using var recovered = StoreHarness.OnDisk(Data);

        // The appended but never synced delete was lost with the process, as kill -9 would lose it.
        Assert.Equal(1, recovered.Store.Catalog.Find("k")!.LiveCount);
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
