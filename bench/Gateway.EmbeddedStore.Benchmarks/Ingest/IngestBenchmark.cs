using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Transport;
using Gateway.EmbeddedStore.Search;

namespace Gateway.EmbeddedStore.Benchmarks.Ingest;

/// <summary>
/// Bulk-loads 768-d photo documents into a durable store through the in-process handler (raw
/// NDJSON) and through the official client, and prints docs/s and bytes on disk per document.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var docs = int.Parse(Arguments.Option(args, "--docs") ?? "20000", CultureInfo.InvariantCulture);
        var batch = int.Parse(Arguments.Option(args, "--batch") ?? "500", CultureInfo.InvariantCulture);
        var writers = int.Parse(Arguments.Option(args, "--writers") ?? "2", CultureInfo.InvariantCulture);
        var clientDocs = int.Parse(Arguments.Option(args, "--client-docs") ?? (docs / 4).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var root = Path.Combine(Path.GetTempPath(), "embedded-store-ingest-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine($"ingest: {docs} docs (768-d vector + keyword/date/geo), bulk {batch}, {writers} concurrent writers, fsync per bulk; data in {root}");
        Console.WriteLine();
        Console.WriteLine("| path | docs | seconds | docs/s | CPU ms/doc | translog bytes/doc | snapshot bytes/doc |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        try
        {
            // Untimed warm-up so that JIT compilation (tiering up to optimised code) is not counted.
            await RunHandlerAsync(Path.Combine(root, "warmup"), Math.Min(docs, 8 * batch), batch, writers, report: false);
            await RunHandlerAsync(Path.Combine(root, "handler"), docs, batch, writers);
            if (clientDocs > 0)
            {
                await RunClientAsync(Path.Combine(root, "client-gzip"), clientDocs, batch, writers, compression: true);
                await RunClientAsync(Path.Combine(root, "client"), clientDocs, batch, writers, compression: false);
                RunClientSerialisationOnly(clientDocs, batch);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static async Task RunHandlerAsync(string dataPath, int docs, int batch, int writers, bool report = true)
    {
        var bodies = new List<byte[]>();
        for (var from = 0; from < docs; from += batch)
        {
            bodies.Add(SyntheticPhotos.BulkBody("photos", from, Math.Min(docs, from + batch)));
        }

        var store = EmbeddedStore.Open(new EmbeddedStoreOptions { DataPath = dataPath }, new SearchService());
        using var handler = new EmbeddedStoreHandler(store);
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://embedded:9200") };
        using (var create = await http.PutAsync("/photos", Json(SyntheticPhotos.Mapping)))
        {
            create.EnsureSuccessStatusCode();
        }

        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using var response = await http.PostAsync("/_bulk", content);
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (!response.IsSuccessStatusCode || body["errors"]!.GetValue<bool>())
                {
                    throw new InvalidOperationException("bulk failed: " + body.ToJsonString()[..Math.Min(500, body.ToJsonString().Length)]);
                }
            }
        })));
        stopwatch.Stop();
        if (!report)
        {
            store.Dispose();
            return;
        }

        Report("handler, raw NDJSON", dataPath, store, docs, stopwatch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static async Task RunClientAsync(string dataPath, int docs, int batch, int writers, bool compression)
    {
        var store = EmbeddedStore.Open(new EmbeddedStoreOptions { DataPath = dataPath }, new SearchService());
        using var handler = new EmbeddedStoreHandler(store);
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://embedded:9200")), new HttpRequestInvoker((_, _) => handler));
        settings.EnableHttpCompression(compression);
        var client = new ElasticsearchClient(settings);
        // The same explicit mapping as the raw path (as the catalog and ingestion jobs create theirs).
        using (var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://embedded:9200") })
        using (var create = await http.PutAsync("/photos", Json(SyntheticPhotos.Mapping)))
        {
            create.EnsureSuccessStatusCode();
        }

        var next = -1;
        var batches = (docs + batch - 1) / batch;
        var photos = Batches(docs, batch);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < batches)
            {
                var response = await client.BulkAsync(r => r.Index("photos").IndexMany(photos[b]));
                if (!response.IsValidResponse || response.Errors)
                {
                    throw new InvalidOperationException(response.DebugInformation);
                }
            }
        })));
        stopwatch.Stop();
        Report(compression ? "official client, gzip (its default)" : "official client, EnableHttpCompression(false)", dataPath, store, docs, stopwatch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    // What the official client spends on its side alone: the same bulk requests serialised to
    // memory with its own serializer, no store involved (one writer, so CPU equals wall).
    private static void RunClientSerialisationOnly(int docs, int batch)
    {
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://embedded:9200")));
        var client = new ElasticsearchClient(settings);
        var photos = Batches(docs, batch);
        using var buffer = new MemoryStream();
        long bytes = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        foreach (var group in photos)
        {
            buffer.SetLength(0);
            var request = new BulkRequest("photos") { Operations = [.. group.Select(p => new BulkIndexOperation<Photo>(p))] };
            client.RequestResponseSerializer.Serialize(request, buffer);
            bytes += buffer.Length;
        }

        stopwatch.Stop();
        var elapsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| official client, serialisation only (no store) | {docs} | {stopwatch.Elapsed.TotalSeconds:0.00} | {docs / stopwatch.Elapsed.TotalSeconds:0} | {elapsed.TotalMilliseconds / docs:0.000} | ({bytes / (double)docs:0} request bytes/doc) | |"));
    }

    private static List<List<Photo>> Batches(int docs, int batch) =>
        [.. Enumerable.Range(0, (docs + batch - 1) / batch).Select(b => Enumerable.Range(b * batch, Math.Min(batch, docs - (b * batch))).Select(SyntheticPhotos.Create).ToList())];

    // CPU time per document is reported beside wall time because the machine may be shared: it
    // bounds the throughput an idle machine reaches (cores / CPU time per doc).
    private static void Report(string path, string dataPath, EmbeddedStore store, int docs, TimeSpan elapsed, TimeSpan cpu)
    {
        var translog = Directory.EnumerateFiles(dataPath, "translog-*").Sum(f => new FileInfo(f).Length);
        store.Dispose();
        var snapshot = Directory.EnumerateFiles(dataPath, "snapshot-*").Sum(f => new FileInfo(f).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {path} | {docs} | {elapsed.TotalSeconds:0.00} | {docs / elapsed.TotalSeconds:0} | {cpu.TotalMilliseconds / docs:0.000} | {translog / (double)docs:0} | {snapshot / (double)docs:0} |"));
    }

    private static ByteArrayContent Json(string json)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
