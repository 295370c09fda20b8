using System.Diagnostics;
using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Gateway.EmbeddedStore;
using Gateway.EmbeddedStore.Search;
using Gateway.Embeddings.Service;
using Gateway.Peaks.Catalog;
using Gateway.Photos.Ingestion;
using Gateway.TestModels;
using Gateway.Upstream;
using Microsoft.Extensions.Options;

namespace Gateway.Photos.Benchmarks;

/// <summary>
/// Indexes a folder of real photos end to end (scan, read, hash, EXIF, decode, embed, geometry, bulk into the embedded
/// store) and compares photos/s with the encoder's own throughput on inputs that cost nothing to decode, measured
/// through the same service with the same concurrency. Prints a table; asserts nothing.
/// </summary>
internal static class IngestionBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var repo = FindRepo();
        var modelArg = args.Length > 0 ? args[0] : "/tmp/gateway-bench-siglip2";
        var photos = args.Length > 1 ? args[1] : Path.GetFullPath(Path.Combine(repo, "..", "shared", "photos", "ebc"));
        var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        if (!Directory.Exists(photos))
        {
            Console.Error.WriteLine($"photos folder '{photos}' not found");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("gateway-photos-bench-");
        try
        {
            var fullSize = modelArg != "test" && File.Exists(Path.Combine(modelArg, "onnx", "vision_model.onnx"));
            var modelDir = fullSize ? modelArg : TestModelFactory.WriteTo(Path.Combine(work.FullName, "model")).Directory;
            var album = Directory.CreateDirectory(Path.Combine(work.FullName, "album"));
            var files = Directory.EnumerateFiles(photos).Where(f => AlbumScanner.Extensions.Contains(Path.GetExtension(f))).ToList();
            foreach (var file in files)
            {
                File.Copy(file, Path.Combine(album.FullName, Path.GetFileName(file)));
            }

            var options = new PhotosOptions { Alias = "photos", Workers = workers, Albums = [new AlbumOptions { Name = "bench", Root = album.FullName }] };
            var embeddingOptions = new EmbeddingOptions { ModelId = fullSize ? "random/siglip2-base-patch16-224" : "test/colour-model", ModelDirectory = modelDir, MaxBatch = 32, TextCacheSize = 0 };
            using var service = new SiglipEmbeddingService(Options.Create(embeddingOptions));
            if (!service.TryLoad())
            {
                Console.Error.WriteLine(service.Status.Detail);
                return 2;
            }

            var concurrency = options.EffectiveWorkers;
            var encoderRate = await EncoderRateAsync(service, Math.Max(concurrency, 8), files.Count);

            using var store = Gateway.EmbeddedStore.EmbeddedStore.CreateInMemory(new SearchService());
            using var handler = new EmbeddedStoreHandler(store);
            var client = new ElasticsearchClient(new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://embedded:9200")), new HttpRequestInvoker((_, _) => handler)));
            var upstream = new UpstreamClient(client);
            var catalog = new PeakCatalogIndexer(upstream, service, new PromptEmbedder(service, Options.Create(new PromptOptions())), new PeaksOptions());
            var ingestor = new PhotoIngestor(upstream, service, catalog, Options.Create(options));
            var clock = Stopwatch.StartNew();
            var result = (await ingestor.IndexAlbumAsync("bench")).Value;
            clock.Stop();

            var endToEnd = result.Indexed / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"model: {(fullSize ? "random-weight full-size SigLIP-2 base (" + modelDir + ")" : "small colour test model (no full-size folder given)")}");
            Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores; workers {concurrency}; photos: {files.Count} from {photos}");
            Console.WriteLine();
            Console.WriteLine("| measurement | photos | seconds | photos/s |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| encoder only (224×224 PNG inputs through the service, {Math.Max(concurrency, 8)} concurrent) | {encoderRate.Count} | {encoderRate.Seconds:F1} | {encoderRate.Rate:F2} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| end to end (scan, read, hash, EXIF, decode, embed, geometry, bulk) | {result.Indexed} | {clock.Elapsed.TotalSeconds:F1} | {endToEnd:F2} |"));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"end to end / encoder only = {endToEnd / encoderRate.Rate:F2}×; failures: {result.Failures.Count}"));
            foreach (var failure in result.Failures)
            {
                Console.WriteLine($"  {failure.Path}: {failure.Reason}");
            }

            return 0;
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans the temp folder.
            }
        }
    }

    private static async Task<(int Count, double Seconds, double Rate)> EncoderRateAsync(SiglipEmbeddingService service, int concurrency, int count)
    {
        var inputs = Enumerable.Range(0, Math.Max(count, concurrency))
            .Select(i => TestImages.SolidPng(TestColor.All[i % TestColor.All.Count], 224, 224))
            .ToList();
        await service.EmbedImageAsync(inputs[0]);
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(concurrency);
        await Task.WhenAll(inputs.Select(async input =>
        {
            await gate.WaitAsync();
            try
            {
                await service.EmbedImageAsync(input);
            }
            finally
            {
                gate.Release();
            }
        }));
        clock.Stop();
        return (inputs.Count, clock.Elapsed.TotalSeconds, inputs.Count / clock.Elapsed.TotalSeconds);
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
