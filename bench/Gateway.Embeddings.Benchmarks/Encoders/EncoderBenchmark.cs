using System.Diagnostics;
using System.Globalization;
using Gateway.Embeddings.Onnx;

namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>
/// <c>encoders [cache-dir] [threads]</c>: generates (once, into the cache folder) random-weight SigLIP-2 base towers
/// with the real shapes, then prints images/s and texts/s at batch 1, 8 and 32 and the fraction of this machine's
/// measured MatMul throughput that the encoders reach (encoder FLOPs computed analytically); then the same towers
/// through the shared service (tokenizing, JPEG decoding, micro-batching, normalising) under 32 concurrent requests.
/// </summary>
internal static class EncoderBenchmark
{
    private static readonly int[] BatchSizes = [1, 8, 32];

    public static int Run(string[] args)
    {
        var directory = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "gateway-bench-siglip2-base-random");
        var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var arch = SiglipArchitecture.Base224;
        var (vision, text) = BenchModelFolder.Towers(directory, arch, "fp32");

        // The MatMul peak is measured between the towers too and the best value is used: on a shared machine a
        // single measurement may land in a busy moment and make every fraction look too good.
        var peaks = new List<double> { Peak(directory, threads) };
        var rows = new List<BenchRow>();

        using (var encoder = new OnnxEncoder<float>(vision, "pixel_values", [3, arch.ImageSize, arch.ImageSize], BatchSizes.Max(), threads))
        {
            var random = new Random(5);
            for (var i = 0; i < BatchSizes.Max(); i++)
            {
                var slot = encoder.InputFor(i);
                for (var j = 0; j < slot.Length; j++)
                {
                    slot[j] = (float)((random.NextDouble() * 2) - 1);
                }
            }

            Measure("vision", encoder, arch.VisionFlops(), rows);
        }

        peaks.Add(Peak(directory, threads));

        using (var encoder = new OnnxEncoder<long>(text, "input_ids", [arch.SequenceLength], BatchSizes.Max(), threads))
        {
            var random = new Random(6);
            for (var i = 0; i < BatchSizes.Max(); i++)
            {
                // A realistic query: ~10 tokens, EOS, then padding.
                var slot = encoder.InputFor(i);
                slot.Clear();
                for (var j = 0; j < 10; j++)
                {
                    slot[j] = random.Next(5, arch.Vocabulary);
                }

                slot[10] = 1;
            }

            Measure("text", encoder, arch.TextFlops(), rows);
        }

        peaks.Add(Peak(directory, threads));
        rows.AddRange(ServiceBenchmark.Run(directory, arch, threads));
        peaks.Add(Peak(directory, threads));
        Print(arch, threads, peaks, rows);
        return 0;
    }

    private static double Peak(string directory, int threads) => MatMulPeak.MeasureGflops(directory, 2048, threads, TimeSpan.FromSeconds(5));

    private static void Print(SiglipArchitecture arch, int threads, List<double> peaks, List<BenchRow> rows)
    {
        var peak = peaks.Max();
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, intra-op threads {(threads == 0 ? "all" : threads)}; load average {LoadAverage()}");
        Console.WriteLine($"ORT MatMul 2048³: {string.Join(", ", peaks.Select(p => p.ToString("F1", CultureInfo.InvariantCulture)))} GFLOP/s; peak used {peak:F1}");
        Console.WriteLine($"FLOPs per item (analytic, matrix products): image {arch.VisionFlops() / 1e9:F2} GFLOP, text {arch.TextFlops() / 1e9:F2} GFLOP");
        Console.WriteLine();
        Console.WriteLine("| what | batch | s / run | items/s | GFLOP/s | of MatMul peak |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.What} | {row.Batch} | {row.SecondsPerRun:F2} | {row.ItemsPerSecond:F2} | {row.Gflops:F1} | {row.Gflops / peak:P0} |");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Measure<T>(string tower, OnnxEncoder<T> encoder, double flopsPerItem, List<BenchRow> rows)
        where T : unmanaged
    {
        foreach (var batch in BatchSizes)
        {
            encoder.Run(batch); // warm-up: first-run allocations and kernel selection
            var runs = 0;
            var started = Stopwatch.GetTimestamp();
            while (runs < 3 || (Stopwatch.GetElapsedTime(started).TotalSeconds < 10 && runs < 50))
            {
                encoder.Run(batch);
                runs++;
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds / runs;
            var itemsPerSecond = batch / seconds;
            rows.Add(new BenchRow(tower, batch.ToString(CultureInfo.InvariantCulture), seconds, itemsPerSecond, itemsPerSecond * flopsPerItem / 1e9));
            Console.Error.WriteLine($"{tower} batch {batch}: {itemsPerSecond:F2} items/s");
        }
    }
}
