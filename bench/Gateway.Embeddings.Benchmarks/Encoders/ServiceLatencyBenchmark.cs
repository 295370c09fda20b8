using System.Diagnostics;
using System.Globalization;
using Gateway.Embeddings.Service;
using Gateway.TestModels;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>
/// The shared service over one export of the random towers, as the gateway runs it (batch sizes timed at load, query
/// lanes ahead of indexing): photos/s end to end (decoding included) for the bundled photos as an indexing job, the
/// free-text query's p50 (its prompts in one text forward, the anti-concept already known) against one text forward at
/// batch 1, and the same query's p50 while the photos index.
/// </summary>
internal static class ServiceLatencyBenchmark
{
    private const int Queries = 7;

    /// <param name="directory">The model folder.</param>
    /// <param name="variant"><c>fp32</c> or <c>int8</c>.</param>
    /// <param name="threads">Intra-op threads; 0 for all cores.</param>
    /// <param name="uptime">The machine's load, printed with the table.</param>
    /// <param name="maxIndexingDelayMs"><see cref="EmbeddingOptions.MaxIndexingDelayMs"/>; 0 is the scheduler before queries
    /// could stop a batch more than once or hold decoding back.</param>
    public static void Run(string directory, string variant, int threads, Func<string> uptime, int maxIndexingDelayMs = 2000)
    {
        var options = new EmbeddingOptions
        {
            ModelId = "random/siglip2-base-patch16-224",
            ModelDirectory = directory,
            Variant = variant,
            IntraOpThreads = threads,
            MaxBatch = 16,
            TextCacheSize = 0,
            MaxIndexingDelayMs = maxIndexingDelayMs,
        };
        using var service = new SiglipEmbeddingService(Options.Create(options));
        if (!service.TryLoad())
        {
            throw new InvalidOperationException(service.Status.Detail);
        }

        var prompts = new PromptEmbedder(service, Options.Create(new PromptOptions()));
        var photos = Photos();
        var model = service.LoadedModel!;
        var oneForward = Median([.. Enumerable.Range(0, Queries).Select(_ => Ms(() => model.Text.Run(1)))]);
        Query(prompts, -1); // the anti-concept, once per model
        var idle = Median([.. Enumerable.Range(0, Queries).Select(i => Query(prompts, i))]);
        var ensemble = new PromptEmbedder(service, Options.Create(new PromptOptions { QueryTemplates = ["a photo of {}.", "{}"] }));
        Query(ensemble, -1);
        var idleEnsemble = Median([.. Enumerable.Range(0, Queries).Select(i => Query(ensemble, 200 + i))]);

        var started = Stopwatch.GetTimestamp();
        var indexing = Task.WhenAll(photos.Select(p => service.EmbedImageAsync(p.Bytes, p.Name, EmbeddingPriority.Indexing).AsTask()));
        var busy = new List<double>();
        while (!indexing.IsCompleted && busy.Count < Queries)
        {
            busy.Add(Query(prompts, 100 + busy.Count));
        }

        var results = indexing.GetAwaiter().GetResult();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var failed = results.Count(r => !r.Succeeded);

        // Without queries in between: the indexing rate alone.
        started = Stopwatch.GetTimestamp();
        Task.WhenAll(photos.Select(p => service.EmbedImageAsync(p.Bytes, p.Name, EmbeddingPriority.Indexing).AsTask())).GetAwaiter().GetResult();
        var alone = Stopwatch.GetElapsedTime(started).TotalSeconds;

        Console.WriteLine();
        Console.WriteLine($"service, {variant}, MaxIndexingDelayMs {maxIndexingDelayMs}: {service.Status.Tuning!.Text}; {service.Status.Tuning.Image}");
        Console.WriteLine($"uptime: {uptime()}");
        Console.WriteLine();
        Console.WriteLine("| what | value |");
        Console.WriteLine("| --- | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| photos/s end to end ({photos.Count} photos, decoding included, no queries) | {photos.Count / alone:F2} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| photos/s while {busy.Count} queries ran ({failed} failed) | {photos.Count / seconds:F2} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| one text forward, batch 1, p50 ms | {oneForward:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| free-text query (default, {new PromptOptions().EffectiveQueryTemplates.Count} prompt), idle p50 ms | {idle:F1} ({idle / oneForward:F2}× one forward) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| free-text query, two templates in one forward (`QueryTemplates: [\"a photo of {{}}.\", \"{{}}\"]`), idle p50 ms | {idleEnsemble:F1} ({idleEnsemble / oneForward:F2}× one forward) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| free-text query while indexing, p50 ms | {(busy.Count > 0 ? Median([.. busy]) : double.NaN):F1} ({(busy.Count > 0 ? Median([.. busy]) / idle : double.NaN):F2}× idle) |"));
    }

    private static double Query(PromptEmbedder prompts, int i)
    {
        var started = Stopwatch.GetTimestamp();
        var result = prompts.EmbedQueryAsync($"sunrise over peak number {i}").GetAwaiter().GetResult();
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Failure!.Reason);
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static List<(string Name, byte[] Bytes)> Photos()
    {
        var folder = Path.Combine(FindShared() ?? "", "photos", "ebc");
        if (Directory.Exists(folder))
        {
            var files = Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".HEIC", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".JPG", StringComparison.OrdinalIgnoreCase)).Order().ToList();
            if (files.Count > 0)
            {
                return [.. files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))];
            }
        }

        Console.Error.WriteLine("../shared/photos/ebc not found: synthetic 1024x768 JPEGs instead");
        return [.. Enumerable.Range(0, 20).Select(i => ($"synthetic{i}.jpg", TestImages.DominantJpeg(TestColor.All[i % 6], TestColor.All[(i + 1) % 6], 1024, 768)))];
    }

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "..", "shared");
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")) && Directory.Exists(shared))
            {
                return shared;
            }
        }

        return null;
    }

    private static double Ms(Action run)
    {
        var started = Stopwatch.GetTimestamp();
        run();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
