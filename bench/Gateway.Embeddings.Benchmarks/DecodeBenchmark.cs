using System.Diagnostics;
using Gateway.Embeddings.Images;

namespace Gateway.Embeddings.Benchmarks;

/// <summary>Milliseconds per file from encoded bytes (in memory) to model input, fast paths against full decodes.</summary>
internal static class DecodeBenchmark
{
    public static int Run(string[] args)
    {
        var dir = args.Length > 0 ? args[0] : SharedPhotos();
        var iterations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        if (dir is null || !Directory.Exists(dir))
        {
            Console.Error.WriteLine("photos directory not found (pass it as the first argument, e.g. ../shared/photos/ebc)");
            return 1;
        }
        var files = Directory.GetFiles(dir).Where(f => Path.GetExtension(f).ToUpperInvariant() is ".HEIC" or ".JPG" or ".JPEG")
            .Order(StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
        var fast = new ImagePreprocessor(ImageInputSpec.Siglip224, new ImageDecodeOptions { FastPaths = true });
        var parallel = new ImagePreprocessor(ImageInputSpec.Siglip224, new ImageDecodeOptions { FastPaths = true, ParallelJpeg = true });
        var full = new ImagePreprocessor(ImageInputSpec.Siglip224, new ImageDecodeOptions { FastPaths = false });
        var destination = new float[ImageInputSpec.Siglip224.TensorLength];
        Console.WriteLine($"{files.Count} files from {dir}, {iterations} iterations each (full decodes: {Math.Max(1, iterations / 2)}), 224x224 model input, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| container | path | files | wall p50 ms | wall p95 ms | wall min ms | CPU p50 ms | CPU p95 ms | decoded at |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var group in files.GroupBy(f => Sniff(f.Bytes)))
        {
            var runs = group.Key == "JPEG"
                ? new[] { ("fast", fast, iterations), ("fast, parallel strips", parallel, iterations), ("full", full, Math.Max(1, iterations / 2)) }
                : new[] { ("fast", fast, iterations), ("full", full, Math.Max(1, iterations / 2)) };
            foreach (var (label, pre, n) in runs)
            {
                var samples = new List<double>();
                var cpu = new List<double>();
                var paths = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var (name, bytes) in group)
                {
                    paths.Add(Shape(pre.PreprocessWithPath(bytes, name, destination))); // warm-up, not timed
                    for (var i = 0; i < n; i++)
                    {
                        var cpuStart = ProcessCpuClock.NowMilliseconds();
                        var sw = Stopwatch.StartNew();
                        pre.PreprocessWithPath(bytes, name, destination);
                        samples.Add(sw.Elapsed.TotalMilliseconds);
                        cpu.Add(ProcessCpuClock.NowMilliseconds() - cpuStart);
                    }
                }
                samples.Sort();
                cpu.Sort();
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"| {group.Key} | {label} | {group.Count()} | {Percentile(samples, 0.50):0.0} | {Percentile(samples, 0.95):0.0} | {samples[0]:0.0} | {Percentile(cpu, 0.50):0.0} | {Percentile(cpu, 0.95):0.0} | {string.Join(", ", paths)} |"));
            }
        }
        return 0;
    }

    private static string Sniff(byte[] bytes) => bytes is [0xFF, 0xD8, 0xFF, ..] ? "JPEG" : "HEIC";

    private static string Shape(string path) => path.StartsWith("thumbnail", StringComparison.Ordinal) ? path : path.Split(' ')[0] == "dct" ? "dct " + path[4..] : path;

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    internal static string? SharedPhotos()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return Path.Combine(dir.FullName, "..", "shared", "photos", "ebc");
            }
        }
        return null;
    }
}
