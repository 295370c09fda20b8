using System.Collections.Concurrent;
using System.Globalization;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Indices;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "concurrency-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ManyWritersAndReaders_KeepVersionsAndSequenceNumbersConsistent()
    {
        using var harness = StoreHarness.OnDisk(_data);
        await harness.OkAsync("PUT", "/h", """{"settings":{"index.refresh_interval":"50ms"}}""");
        var seqNos = new ConcurrentBag<long>();
        var errors = new ConcurrentBag<string>();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                // Writers share ids so that versions race on the same documents.
                var id = (i % 10).ToString(CultureInfo.InvariantCulture);
                var (status, body) = await harness.SendAsync("PUT", "/h/_doc/" + id, "{\"w\":" + w + ",\"i\":" + i + "}");
                if (status is not (200 or 201))
                {
                    errors.Add(status + " " + body?.ToJsonString());
                    continue;
                }

                seqNos.Add(body!["_seq_no"]!.GetValue<long>());
            }
        }));
        var updaters = Enumerable.Range(0, 4).Select(u => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                var (status, body) = await harness.SendAsync("POST", "/h/_update/counter", "{\"doc\":{\"u" + u + "\":" + i + "},\"doc_as_upsert\":true}");
                if (status is not (200 or 201))
                {
                    errors.Add(status + " " + body?.ToJsonString());
                }
            }
        }));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                var (status, body) = await harness.SendAsync("GET", "/h/_doc/" + (i % 10).ToString(CultureInfo.InvariantCulture));
                if (status == 200 && body!["_source"]!["w"] is null)
                {
                    errors.Add("torn read " + body.ToJsonString());
                }

                await harness.SendAsync("GET", "/h/_search");
            }
        }));
        await Task.WhenAll(writers.Concat(updaters).Concat(readers));

        Assert.Empty(errors);
        Assert.Equal(seqNos.Count, seqNos.Distinct().Count());
        var versions = Enumerable.Range(0, 10).Sum(i => harness.Store.Catalog.Find("h")!.Documents[i.ToString(CultureInfo.InvariantCulture)].Version);
        Assert.Equal(8 * 40, versions);
        var counter = await harness.OkAsync("GET", "/h/_doc/counter");
        // Every update changes a field, so none is a noop and each one bumps the version.
        Assert.Equal(4 * 40, counter["_version"]!.GetValue<long>());
        Assert.Equal(39, counter["_source"]!["u0"]!.GetValue<int>());
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
