using System.Diagnostics;
using System.Globalization;
using Gateway.Embeddings.Onnx;
using Gateway.Embeddings.Vectors;

namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>
/// <c>quantized [cache-dir] [threads] [plot.png]</c>: writes (once) the random-weight SigLIP-2 base towers in fp32 and in
/// int8 as the published quantized exports are built, then, tower by tower and batch size by batch size, times fp32 and
/// int8 one right after the other (so both see the same load) and prints items/s and their ratio, with the cosine
/// between the fp32 and int8 vectors of the same inputs. The weights are random: the cosine shows numerical drift of
/// the int8 arithmetic only, not the quality of a real quantized checkpoint. Then the service end to end per variant
/// (<see cref="ServiceLatencyBenchmark"/>), and a plot of throughput against batch size.
/// </summary>
internal static class QuantizedBenchmark
{
    private static readonly int[] BatchSizes = [1, 2, 4, 8, 16];
    private const int Repeats = 3;

    public static int Run(string[] args)
    {
        var directory = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "gateway-bench-siglip2-base-random-q");
        var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var plot = args.Length > 2 ? args[2] : null;
        var arch = SiglipArchitecture.Base224;
        var fp32 = BenchModelFolder.Towers(directory, arch, "fp32");
        var int8 = BenchModelFolder.Towers(directory, arch, "int8");
        BenchModelFolder.WriteConfigs(directory, arch);
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, intra-op threads {(threads == 0 ? "all" : threads)}; ONNX Runtime {OrtVersion()}");
        Console.WriteLine($"model files: vision fp32 {Mb(fp32.Vision)}, int8 {Mb(int8.Vision)}; text fp32 {Mb(fp32.Text)}, int8 {Mb(int8.Text)}");

        var rows = new List<Row>();
        using (var a = new OnnxEncoder<float>(fp32.Vision, "pixel_values", [3, arch.ImageSize, arch.ImageSize], BatchSizes.Max(), threads))
        using (var b = new OnnxEncoder<float>(int8.Vision, "pixel_values", [3, arch.ImageSize, arch.ImageSize], BatchSizes.Max(), threads))
        {
            var random = new Random(5);
            FillBoth(a, b, slot => { for (var j = 0; j < slot.Length; j++) { slot[j] = (float)((random.NextDouble() * 2) - 1); } });
            rows.AddRange(Compare("vision", a, b));
        }

        using (var a = new OnnxEncoder<long>(fp32.Text, "input_ids", [arch.SequenceLength], BatchSizes.Max(), threads))
        using (var b = new OnnxEncoder<long>(int8.Text, "input_ids", [arch.SequenceLength], BatchSizes.Max(), threads))
        {
            var random = new Random(6);
            FillBoth(a, b, slot =>
            {
                // A realistic query: ~10 tokens, EOS, then padding.
                slot.Clear();
                for (var j = 0; j < 10; j++)
                {
                    slot[j] = random.Next(5, arch.Vocabulary);
                }

                slot[10] = 1;
            });
            rows.AddRange(Compare("text", a, b));
        }

        Console.WriteLine();
        Console.WriteLine($"uptime: {Uptime()}");
        Console.WriteLine($"median of {Repeats} timed runs after a warm-up; fp32 and int8 timed back to back per batch size");
        Console.WriteLine();
        Console.WriteLine("| tower | batch | fp32 items/s | int8 items/s | int8 / fp32 | cosine fp32·int8 (min, median) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Tower} | {r.Batch} | {r.Fp32:F2} | {r.Int8:F2} | {r.Int8 / r.Fp32:F2}× | {r.CosineMin:F4}, {r.CosineMedian:F4} |"));
        }

        if (plot is not null)
        {
            ThroughputPlot.Write(plot, rows.Select(r => (r.Tower, r.Batch, r.Fp32, r.Int8)).ToList(), $"load average {LoadAverage()}");
            Console.WriteLine();
            Console.WriteLine($"plot: {plot}");
        }

        foreach (var variant in new[] { "fp32", "int8" })
        {
            ServiceLatencyBenchmark.Run(directory, variant, threads, Uptime);
        }

        return 0;
    }

    /// <summary><c>service [cache-dir] [threads]</c>: only the service part, for both variants, each with queries holding
    /// indexing back (the default delay) and without (0), side by side.</summary>
    public static int RunService(string[] args)
    {
        var directory = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "gateway-bench-siglip2-base-random-q");
        var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var arch = SiglipArchitecture.Base224;
        BenchModelFolder.Towers(directory, arch, "fp32");
        BenchModelFolder.Towers(directory, arch, "int8");
        BenchModelFolder.WriteConfigs(directory, arch);
        foreach (var variant in new[] { "fp32", "int8" })
        {
            foreach (var delay in new[] { 0, 2000 })
            {
                ServiceLatencyBenchmark.Run(directory, variant, threads, Uptime, delay);
            }
        }

        return 0;
    }

    private static List<Row> Compare<T>(string tower, OnnxEncoder<T> fp32, OnnxEncoder<T> int8)
        where T : unmanaged
    {
        var cosines = Cosines(fp32, int8, 8);
        var rows = new List<Row>();
        foreach (var batch in BatchSizes)
        {
            var a = Time(fp32, batch);
            var b = Time(int8, batch);
            rows.Add(new Row(tower, batch, batch / a, batch / b, cosines.Min(), Median(cosines)));
            Console.Error.WriteLine($"{tower} batch {batch}: fp32 {batch / a:F2}/s, int8 {batch / b:F2}/s ({Uptime()})");
        }

        return rows;
    }

    private static double[] Cosines<T>(OnnxEncoder<T> fp32, OnnxEncoder<T> int8, int count)
        where T : unmanaged
    {
        var a = fp32.Run(count).ToArray();
        var b = int8.Run(count).ToArray();
        var d = fp32.Dimensions;
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var x = a.AsSpan(i * d, d).ToArray();
            var y = b.AsSpan(i * d, d).ToArray();
            VectorMath.NormalizeInPlace(x);
            VectorMath.NormalizeInPlace(y);
            return (double)VectorMath.Dot(x, y);
        })];
    }

    /// <summary>Median seconds per run of <paramref name="batch"/> items, after one warm-up run.</summary>
    private static double Time<T>(OnnxEncoder<T> encoder, int batch)
        where T : unmanaged
    {
        encoder.Run(batch);
        var seconds = new double[Repeats];
        for (var i = 0; i < Repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            encoder.Run(batch);
            seconds[i] = Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        return Median(seconds);
    }

    private static void FillBoth<T>(OnnxEncoder<T> a, OnnxEncoder<T> b, SpanFiller<T> fill)
        where T : unmanaged
    {
        for (var i = 0; i < a.MaxBatch; i++)
        {
            fill(a.InputFor(i));
            a.InputFor(i).CopyTo(b.InputFor(i));
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Mb(string path) => $"{new FileInfo(path).Length / 1e6:F0} MB";

    private static string OrtVersion() => typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly.GetName().Version?.ToString() ?? "?";

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    internal static string Uptime()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("uptime") { RedirectStandardOutput = true })!;
            var line = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return line;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "load average " + LoadAverage();
        }
    }

    private delegate void SpanFiller<T>(Span<T> slot);

    private sealed record Row(string Tower, int Batch, double Fp32, double Int8, double CosineMin, double CosineMedian);
}
