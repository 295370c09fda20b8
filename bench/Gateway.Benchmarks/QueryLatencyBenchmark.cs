using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Embeddings.Service;
using Microsoft.Extensions.Options;

namespace Gateway.Benchmarks;

/// <summary>
/// <c>queries --model DIR [--variant fp32|int8] [--album DIR] [--requests 40]</c>: the real gateway (<c>Gateway.dll</c>,
/// its own process, the embedded store in-process) with a full-size model, the shipped peak catalog built and an
/// album indexed; then, interleaved request by request so all three see the same machine, through the gateway's HTTP
/// path: a peak/alias query (<c>query_text</c> naming a catalog peak: the cached prototype, no forward), a free-text
/// query (new text each time, so the prompts go through the text tower) and one text forward at batch 1
/// (<c>/_gateway/embed</c>, <c>raw</c>, new text each time), and one forward of the text tower at batch 1 in the
/// benchmark's own process (ONNX Runtime alone). Prints p50/p90 with the load average and the free-text query's ratio to
/// the forward.
/// </summary>
internal static class QueryLatencyBenchmark
{
    private const string Password = "benchmark admin password";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Names and aliases of the shipped catalog (config/peaks.yaml), in several scripts.
    private static readonly string[] PeakQueries = ["ama dablam", "Everest", "Sagarmatha", "lhotse", "エベレスト", "Pumori", "Island Peak", "thamserku"];

    private static readonly string[] Words = ["prayer flags", "yak", "glacier", "sunrise", "suspension bridge", "tea house", "moraine", "porter", "stupa", "campfire"];

    public static async Task<int> RunAsync(string model, string variant, string album, int requests)
    {
        var data = Directory.CreateTempSubdirectory("gateway-bench-queries-");
        var binaries = Path.GetDirectoryName(typeof(QueryLatencyBenchmark).Assembly.Location)!;
        var url = FreePort.NextLoopbackUrl();
        var storeUrl = FreePort.NextLoopbackUrl();
        string[] arguments =
        [
            Path.Combine(binaries, "Gateway.dll"),
            "--urls", url.ToString().TrimEnd('/'),
            "--Gateway:DataFolder", data.FullName,
            "--Upstream:Url", "embedded",
            "--Gateway:Admin:PasswordHash", Gateway.Admin.AdminPasswordHash.Create(Password, 1000),
            "--Embeddings:ModelDirectory", Path.GetFullPath(model),
            "--Embeddings:Variant", variant,
            "--Embeddings:Download:AutoDownload", "false",
            "--EmbeddedStore:SyncOnWrite", "false",
            "--EmbeddedStore:ListenUrl", storeUrl.ToString().TrimEnd('/'),
            "--Photos:Albums:0:Name", "bench",
            "--Photos:Albums:0:Root", Path.GetFullPath(album),
            "--Logging:LogLevel:Default", "Warning",
        ];
        try
        {
            using var gateway = await ChildProcess.StartAsync("gateway", url, binaries, arguments, null, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + Password)));
            var health = await WaitAsync(http, "the model to load", async () =>
                JsonNode.Parse(await http.GetStringAsync("/_gateway/health"))!["model"] is { } m && m["state"]!.GetValue<string>() == "ready" ? m : null);
            Console.WriteLine($"model: {health["detail"]}");
            await WaitAsync(http, "the catalog to be built", async () => await CountAsync(http, "peaks_catalog") > 0 ? "" : null);
            string status;
            using (var scan = await http.PostAsync("/_gateway/jobs", new StringContent("""{"type":"incremental-scan","album":"bench"}""", Encoding.UTF8, "application/json")))
            {
                await EnsureAsync(scan);
                status = JsonNode.Parse(await scan.Content.ReadAsStringAsync())!["status_url"]!.GetValue<string>();
            }

            await WaitAsync(http, "the album to be indexed", async () =>
                JsonNode.Parse(await http.GetStringAsync(status))!["state"]?.GetValue<string>() is { } state && state is not ("enqueued" or "running") ? state : null);
            Console.WriteLine($"catalog: {await CountAsync(http, "peaks_catalog")} peaks; photos: {await CountAsync(http, "photos")} of {album}");

            // Where a peak query's time goes: the same kNN (the prototype's vector) sent through the gateway without a
            // rewrite and straight to the store's loopback listener, and the prototype lookup alone (/_gateway/embed).
            using var store = new HttpClient { BaseAddress = storeUrl, Timeout = TimeSpan.FromMinutes(5) };
            var knn = await PrototypeKnnAsync(http, PeakQueries[0]);
            var kinds = new (string Name, Func<int, Task> Send)[]
            {
                ("peak/alias query (cached prototype)", i => SearchAsync(http, PeakQueries[i % PeakQueries.Length])),
                ("free-text query (new text, prompts in one forward)", i => SearchAsync(http, $"{Words[i % Words.Length]} {i}")),
                ("one text forward, batch 1 (/_gateway/embed raw, new text)", i => EmbedAsync(http, $"{Words[i % Words.Length]} {i} raw", raw: true)),
                ("breakdown: prototype lookup alone (/_gateway/embed of a peak name)", i => EmbedAsync(http, PeakQueries[i % PeakQueries.Length], raw: false)),
                ("breakdown: the same kNN with the vector, through the gateway (no rewrite)", _ => PostAsync(http, "/photos/_search", knn)),
                ("breakdown: the same kNN straight to the store's loopback listener", _ => PostAsync(store, "/photos/_search", knn)),
            };
            // The goal's yardstick: one forward of the text tower at batch 1 in this process (the same export and
            // session options as the gateway's, no HTTP, no tokenizer), timed in the same rounds as the requests.
            using var tower = new SiglipEmbeddingService(Options.Create(new EmbeddingOptions
            {
                ModelDirectory = Path.GetFullPath(model),
                Variant = variant,
                MaxBatch = 1,
                TextBatch = 1,
                ImageBatch = 1,
            }));
            var text = tower.LoadedModel?.Text ?? throw new InvalidOperationException(tower.Status.Detail);
            kinds = [.. kinds, ("one text-tower forward, batch 1, in this process (ONNX Runtime alone)", _ => { text.Run(1); return Task.CompletedTask; })];
            var timings = kinds.Select(_ => new List<double>()).ToArray();
            for (var i = 0; i < requests + 5; i++)
            {
                for (var k = 0; k < kinds.Length; k++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await kinds[k].Send(i);
                    if (i >= 5)
                    {
                        timings[k].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"queries, {variant}: {requests} of each, interleaved, after 5 warm-ups each; {Environment.ProcessorCount} cores");
            Console.WriteLine($"uptime: {Uptime()}");
            Console.WriteLine();
            Console.WriteLine("| request (through the gateway's HTTP path) | p50 ms | p90 ms |");
            Console.WriteLine("| --- | ---: | ---: |");
            for (var k = 0; k < kinds.Length; k++)
            {
                Console.WriteLine(string.Format(Invariant, "| {0} | {1:F1} | {2:F1} |", kinds[k].Name, Percentile(timings[k], 0.5), Percentile(timings[k], 0.9)));
            }

            var freeText = Percentile(timings[1], 0.5);
            Console.WriteLine();
            Console.WriteLine(string.Format(Invariant, "free-text query p50 / one text-tower forward p50: {0:F2}× (in this process), {1:F2}× (through /_gateway/embed)",
                freeText / Percentile(timings[^1], 0.5), freeText / Percentile(timings[2], 0.5)));
            return 0;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static Task SearchAsync(HttpClient http, string text) =>
        PostAsync(http, "/photos/_search", new JsonObject { ["query_text"] = text, ["size"] = 10, ["_source"] = new JsonArray("path") }.ToJsonString());

    private static Task EmbedAsync(HttpClient http, string text, bool raw) =>
        PostAsync(http, "/_gateway/embed", new JsonObject { ["text"] = text, ["raw"] = raw }.ToJsonString());

    /// <summary>The kNN search the rewrite makes of a peak query (k 10, num_candidates 100), with the prototype's vector.</summary>
    private static async Task<string> PrototypeKnnAsync(HttpClient http, string peak)
    {
        using var response = await http.PostAsync("/_gateway/embed", new StringContent(new JsonObject { ["text"] = peak }.ToJsonString(), Encoding.UTF8, "application/json"));
        await EnsureAsync(response);
        var vector = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["texts"]![0]!["vector"]!.DeepClone();
        return new JsonObject
        {
            ["knn"] = new JsonObject { ["field"] = "clip_image", ["query_vector"] = vector, ["k"] = 10, ["num_candidates"] = 100 },
            ["size"] = 10,
            ["_source"] = new JsonArray("path"),
        }.ToJsonString();
    }

    private static async Task PostAsync(HttpClient http, string path, string body)
    {
        using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        await EnsureAsync(response);
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 500)]}");
        }
    }

    private static async Task<long> CountAsync(HttpClient http, string index)
    {
        using var response = await http.GetAsync($"/{index}/_count");
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["count"]!.GetValue<long>() : 0;
    }

    private static async Task<T> WaitAsync<T>(HttpClient http, string what, Func<Task<T?>> probe)
        where T : class
    {
        var deadline = Stopwatch.GetTimestamp() + (10 * 60 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"waited 10 minutes for {what} at {http.BaseAddress}");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }

    private static string Uptime() => File.Exists("/proc/loadavg") ? "load average " + string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
