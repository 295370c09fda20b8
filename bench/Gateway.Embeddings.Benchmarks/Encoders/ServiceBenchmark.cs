using System.Diagnostics;
using Gateway.Embeddings.Service;
using Gateway.TestModels;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>The random-weight towers behind <see cref="SiglipEmbeddingService"/>: what callers see, with tokenizing,
/// image decoding, queueing, micro-batching and normalisation included.</summary>
internal static class ServiceBenchmark
{
    private const int Concurrency = 32;

    public static IReadOnlyList<BenchRow> Run(string directory, SiglipArchitecture arch, int threads)
    {
        BenchModelFolder.WriteConfigs(directory, arch);

        var options = new EmbeddingOptions
        {
            ModelId = "random/siglip2-base-patch16-224",
            ModelDirectory = directory,
            IntraOpThreads = threads,
            MaxBatch = Concurrency,
            BatchWindowMs = 5,
            TextCacheSize = 0,
        };
        using var service = new SiglipEmbeddingService(Options.Create(options));
        if (!service.TryLoad())
        {
            throw new InvalidOperationException(service.Status.Detail);
        }

        var texts = Enumerable.Range(0, Concurrency).Select(i => $"a photo of peak number {i} above the clouds at sunrise").ToArray();
        var colours = TestColor.All;
        var images = Enumerable.Range(0, Concurrency).Select(i => TestImages.DominantJpeg(colours[i % colours.Count], colours[(i + 1) % colours.Count], 1024, 768)).ToArray();

        service.EmbedTextAsync("warm-up").AsTask().GetAwaiter().GetResult();
        service.EmbedImageAsync(images[0]).AsTask().GetAwaiter().GetResult();

        return
        [
            Row("service: texts", Time(() => Task.WhenAll(texts.Select(t => service.EmbedTextAsync(t).AsTask()))), arch.TextFlops()),
            Row("service: images (JPEG 1024x768, decode included)", Time(() => Task.WhenAll(images.Select(i => service.EmbedImageAsync(i).AsTask()))), arch.VisionFlops()),
        ];
    }

    private static double Time(Func<Task> run)
    {
        var started = Stopwatch.GetTimestamp();
        run().GetAwaiter().GetResult();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static BenchRow Row(string what, double seconds, double flopsPerItem)
    {
        var perSecond = Concurrency / seconds;
        return new BenchRow(what, $"{Concurrency} concurrent", seconds, perSecond, perSecond * flopsPerItem / 1e9);
    }
}
