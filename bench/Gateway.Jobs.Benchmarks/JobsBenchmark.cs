using System.Diagnostics;
using System.Globalization;
using Gateway.Embeddings;
using Gateway.Photos.Ingestion;
using Gateway.TestModels;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gateway.Jobs.Benchmarks;

/// <summary>
/// One gateway indexes a folder through its jobs (a full reindex: coordinator plus chunk jobs on the Hangfire
/// servers) with InMemory and with PostgreSQL job storage, at several chunk sizes, in alternating order, several
/// rounds; a fresh host (and PostgreSQL schema) per run. Prints medians, photos/s, PostgreSQL against InMemory, the
/// coordination cost per chunk and the load average. Asserts nothing.
/// </summary>
internal static class JobsBenchmark
{
    private static readonly JobPerformedSignal Performed = new();

    public static async Task<int> RunAsync(string[] args)
    {
        var repo = FindRepo();
        var photos = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(repo, "..", "shared", "photos", "ebc"));
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var modelArg = args.Length > 2 ? args[2] : "test";
        int[] chunkSizes = args.Length > 3
            ? args[3].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : [new JobsOptions().ChunkSize, 4, 1];
        var variant = args.Length > 4 ? args[4] : "fp32";
        var connection = Environment.GetEnvironmentVariable("GATEWAY_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("GATEWAY_TEST_POSTGRES");
        if (!Directory.Exists(photos) || string.IsNullOrWhiteSpace(connection))
        {
            Console.Error.WriteLine($"needs the photos folder '{photos}' and GATEWAY_BENCH_POSTGRES (or GATEWAY_TEST_POSTGRES) with a PostgreSQL connection string");
            return 2;
        }

        Hangfire.GlobalJobFilters.Filters.Add(Performed);
        var work = Directory.CreateTempSubdirectory("gateway-jobs-bench-");
        try
        {
            var fullSize = modelArg != "test" && File.Exists(Path.Combine(modelArg, "onnx", "vision_model.onnx"));
            var model = fullSize ? modelArg : TestModelFactory.WriteTo(Path.Combine(work.FullName, "model")).Directory;
            var files = AlbumScanner.Scan(new AlbumOptions { Name = "bench", Root = photos }).Count;
            var cells = chunkSizes.SelectMany(size => new[] { ("InMemory", size), ("PostgreSql", size) }).ToList();
            var seconds = cells.ToDictionary(c => c, _ => new List<double>());
            // One run per storage first, not counted: JIT (Hangfire's storage code, Npgsql), the model's first load, the
            // page cache of the photos.
            await MeasureAsync("InMemory", chunkSizes[0], photos, model, variant, work.FullName, connection!);
            await MeasureAsync("PostgreSql", chunkSizes[0], photos, model, variant, work.FullName, connection!);
            var loadBefore = LoadAverage();
            for (var round = 0; round < rounds; round++)
            {
                // Alternate the order so that neither storage always runs first (warmer caches, calmer machine).
                foreach (var cell in round % 2 == 0 ? cells : Enumerable.Reverse(cells))
                {
                    var elapsed = await MeasureAsync(cell.Item1, cell.Item2, photos, model, variant, work.FullName, connection!);
                    seconds[cell].Add(elapsed);
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {cell.Item1,-10} chunk size {cell.Item2,3}: {elapsed:F2} s"));
                }
            }

            Console.WriteLine($"model: {(fullSize ? "full-size SigLIP-2 base (" + model + "), " + variant : "small colour test model")}; photos: {files} from {photos}; rounds: {rounds}; {Environment.ProcessorCount} logical cores");
            Console.WriteLine($"load average before: {loadBefore}; after: {LoadAverage()}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set of this process (one gateway host at a time, model loaded): {Environment.WorkingSet / 1048576.0:F0} MB now, {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB peak"));
            Console.WriteLine();
            Console.WriteLine("| chunk size | chunks | InMemory median s | InMemory photos/s | PostgreSql median s | PostgreSql photos/s | PostgreSql / InMemory (photos/s) | same, median of the rounds' pairs (quartiles) |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var size in chunkSizes)
            {
                var memory = Median(seconds[("InMemory", size)]);
                var postgres = Median(seconds[("PostgreSql", size)]);

                // Each round ran both storages back to back: the ratio within a round cancels the machine's slow drifts.
                var pairs = seconds[("InMemory", size)].Zip(seconds[("PostgreSql", size)], (m, p) => m / p).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {size} | {(files + size - 1) / size} | {memory:F2} | {files / memory:F2} | {postgres:F2} | {files / postgres:F2} | {memory / postgres:F3}× | {Median(pairs):F3}× ({pairs[pairs.Count / 4]:F3}–{pairs[pairs.Count * 3 / 4]:F3}) |"));
            }

            Console.WriteLine();
            foreach (var storage in chunkSizes.Contains(1) && chunkSizes.Length > 1 ? new[] { "InMemory", "PostgreSql" } : [])
            {
                // One chunk per file against one chunk for all: the extra time is what coordinating the chunks costs
                // (enqueue, pick-up, progress records, the coordinator's polling, a pipeline start per chunk).
                var one = Median(seconds[(storage, chunkSizes[0])]);
                var perFile = Median(seconds[(storage, 1)]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{storage}: coordination cost per chunk ≈ ({perFile:F2} s − {one:F2} s) / {files - 1} extra chunks = {(perFile - one) / Math.Max(1, files - 1) * 1000:F0} ms"));
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

    private static async Task<double> MeasureAsync(string storage, int chunkSize, string photos, string model, string variant, string work, string connection)
    {
        var data = Directory.CreateDirectory(Path.Combine(work, Guid.NewGuid().ToString("N"))).FullName;
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:DataFolder"] = data,
            ["EmbeddedStore:DataPath"] = Path.Combine(data, "store"),
            ["EmbeddedStore:SyncOnWrite"] = "false",
            ["Embeddings:ModelDirectory"] = model,
            ["Embeddings:Variant"] = variant,
            ["Embeddings:Download:AutoDownload"] = "false",
            ["Jobs:BuildCatalogWhenReady"] = "false",
            ["Jobs:Storage"] = storage,
            ["Jobs:PostgreSqlConnection"] = connection,
            ["Jobs:PostgreSqlSchema"] = schema,
            ["Jobs:ChunkSize"] = chunkSize.ToString(CultureInfo.InvariantCulture),
            ["Photos:Albums:0:Name"] = "bench",
            ["Photos:Albums:0:Root"] = photos,
            ["Logging:LogLevel:Default"] = "Warning",

            // A folder may hold broken photos on purpose (the shared ones do): they are counted, not printed.
            ["Logging:LogLevel:Gateway.Photos"] = "Error",
        };
        try
        {
            Performed.Reset();
            await using var gateway = new BenchGateway(settings);
            var services = gateway.Services;

            // The model loads before the clock starts: the run measures indexing and its coordination only.
            var embeddings = services.GetRequiredService<IEmbeddingService>();
            while ((await embeddings.EmbedTextAsync("warm up")).Failure is { } loading)
            {
                // The model loads in the background; the first requests are answered "retry in a few seconds".
                await Task.Delay(loading.RetryAfter ?? TimeSpan.FromMilliseconds(200));
            }

            var launcher = services.GetRequiredService<JobLauncher>();
            var progress = services.GetRequiredService<JobProgressStore>();
            var clock = Stopwatch.StartNew();
            var (jobId, _, error) = launcher.Start(JobKinds.FullReindex, null, force: false);
            if (jobId is null)
            {
                throw new InvalidOperationException(error);
            }

            await Performed.WhenPerformed(jobId).WaitAsync(TimeSpan.FromHours(1));
            clock.Stop();
            var done = progress.Get(jobId)!;
            return done.State == "succeeded" ? clock.Elapsed.TotalSeconds : throw new InvalidOperationException($"{storage} chunk size {chunkSize}: job {done.State}: {done.Message}");
        }
        finally
        {
            if (storage == "PostgreSql")
            {
                await using var db = new NpgsqlConnection(connection);
                await db.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", db);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

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
