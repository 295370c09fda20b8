using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Gateway.EmbeddedStore.Search;

namespace Gateway.EmbeddedStore.Benchmarks.Recovery;

/// <summary>
/// Start-up time of a durable store holding N small documents (keyword, long, text, a 16-d vector),
/// from the translog alone (what a crash leaves when no snapshot ran) and from a snapshot (what a
/// clean shutdown leaves). Prints seconds and documents per second for each; run it with
/// <c>uptime</c> beside it.
/// </summary>
internal static class RecoveryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var docs = int.Parse(Arguments.Option(args, "--docs") ?? "200000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Arguments.Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var root = Path.Combine(Path.GetTempPath(), "embedded-store-recovery-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            // A threshold above the data: everything stays in the translog until the clean shutdown.
            var options = () => new EmbeddedStoreOptions { DataPath = root, SyncOnWrite = false, TranslogSnapshotThresholdBytes = long.MaxValue };
            var store = EmbeddedStore.Open(options(), new SearchService());
            await LoadAsync(store, docs);
            store.Crash();
            Console.WriteLine($"recovery: {docs} documents, {Size(root) / 1e6:F1} MB on disk; {runs} runs each, median");
            Console.WriteLine();
            Console.WriteLine("| from | seconds | docs/s |");
            Console.WriteLine("| --- | ---: | ---: |");
            Report("translog (after a crash)", Time(runs, () => { var s = EmbeddedStore.Open(options(), new SearchService()); s.Crash(); }), docs);
            EmbeddedStore.Open(options(), new SearchService()).Dispose();
            Report("snapshot (after a clean shutdown)", Time(runs, () => { var s = EmbeddedStore.Open(options(), new SearchService()); s.Crash(); }), docs);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static async Task LoadAsync(EmbeddedStore store, int docs)
    {
        using var handler = new EmbeddedStoreHandler(store);
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://embedded:9200") };
        for (var from = 0; from < docs; from += 1000)
        {
            var body = new StringBuilder();
            for (var i = from; i < Math.Min(docs, from + 1000); i++)
            {
                body.Append("{\"index\":{\"_index\":\"r\",\"_id\":\"").Append(i).Append("\"}}\n{\"tag\":\"t").Append(i % 97)
                    .Append("\",\"n\":").Append(i).Append(",\"title\":\"document number ").Append(i).Append(" of the recovery benchmark\",\"v\":[")
                    .AppendJoin(',', Enumerable.Range(1, 16).Select(d => ((d * i) % 100 / 10.0).ToString(CultureInfo.InvariantCulture))).Append("]}\n");
            }

            using var content = new StringContent(body.ToString(), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var response = await http.PostAsync("/_bulk", content);
            response.EnsureSuccessStatusCode();
        }
    }

    private static double Time(int runs, Action open)
    {
        var seconds = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            open();
            seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            GC.Collect();
        }

        seconds.Sort();
        return seconds[seconds.Count / 2];
    }

    private static void Report(string from, double seconds, int docs) =>
        Console.WriteLine($"| {from} | {seconds:F2} | {docs / seconds:N0} |");

    private static long Size(string path) => Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length);
}
