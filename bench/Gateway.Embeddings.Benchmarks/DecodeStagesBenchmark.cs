using System.Diagnostics;
using System.Runtime.InteropServices;
using Gateway.Embeddings.Images;
using SkiaSharp;

namespace Gateway.Embeddings.Benchmarks;

/// <summary>Where the time of one fast-path JPEG decode goes, stage by stage, in CPU milliseconds (p50 over iterations).</summary>
internal static class DecodeStagesBenchmark
{
    public static int Run(string[] args)
    {
        var dir = args.Length > 0 ? args[0] : DecodeBenchmark.SharedPhotos();
        var iterations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15;
        if (dir is null || !Directory.Exists(dir))
        {
            Console.Error.WriteLine("photos directory not found (pass it as the first argument, e.g. ../shared/photos/ebc)");
            return 1;
        }
        var files = Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f)))
            .Where(f => f.Bytes is [0xFF, 0xD8, 0xFF, ..]).ToList();
        var spec = ImageInputSpec.Siglip224;
        Console.WriteLine($"{files.Count} JPEG files from {dir}, {iterations} iterations, CPU ms p50 per stage (wall ms p50 in brackets)");
        Console.WriteLine();
        Console.WriteLine("| file | bytes | decoded at | copy + codec create | decode 1/8, one call | decode 1/8, 16-row bands | decode 8/8 | split at restarts | orient (90°) | resize to 224 | normalise | whole pipeline |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var pre = new ImagePreprocessor(spec);
        var destination = new float[spec.TensorLength];
        foreach (var (name, bytes) in files)
        {
            using var probe = SKCodec.Create(new SKMemoryStream(SKData.CreateCopy(bytes)));
            var scaled = probe.GetScaledDimensions(1 / 8f);
            var rgba = new byte[scaled.Width * scaled.Height * 4];
            var full = new byte[probe.Info.Width * probe.Info.Height * 4];
            var decoder = new ImageDecoder(new ImageDecodeOptions());
            var decoded = decoder.Decode(bytes, name, 224, 224);
            var resized = BilinearResampler.Resize(decoded.Pixels, spec.Width, spec.Height);
            var cells = new[]
            {
                Time(iterations, () =>
                {
                    using var codec = SKCodec.Create(new SKMemoryStream(SKData.CreateCopy(bytes)));
                }),
                Time(iterations, () => Decode(bytes, scaled, rgba)),
                Time(iterations, () =>
                {
                    using var codec = SKCodec.Create(new SKMemoryStream(SKData.CreateCopy(bytes)));
                    var info = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
                    SkiaBandDecoder.Decode(codec, info, rgba, 0, CancellationToken.None, null);
                }),
                Time(Math.Max(1, iterations / 3), () => Decode(bytes, probe.Info.Size, full)),
                JpegRestartSplitter.Split(bytes, 2) is null ? "no restarts" : Time(iterations, () => JpegRestartSplitter.Split(bytes, 2)),
                Time(iterations, () => ExifOrientation.Apply(decoded.Pixels, 6)),
                Time(iterations, () => BilinearResampler.Resize(decoded.Pixels, spec.Width, spec.Height)),
                Time(iterations, () => PixelNormalizer.ToNchw(resized, spec, destination)),
                Time(iterations, () => pre.Preprocess(bytes, name, destination)),
            };
            Console.WriteLine($"| {name} | {bytes.Length} | {decoded.Path} | {string.Join(" | ", cells)} |");
        }
        Console.WriteLine();
        Console.WriteLine("orient: a 90° EXIF rotation of the decoded pixels (only files with orientation 5-8 pay it).");
        return 0;
    }

    private static void Decode(byte[] bytes, SKSizeI size, byte[] pixels)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(SKData.CreateCopy(bytes)));
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            var result = codec.GetPixels(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul), handle.AddrOfPinnedObject());
            if (result != SKCodecResult.Success)
            {
                throw new InvalidOperationException(result.ToString());
            }
        }
        finally
        {
            handle.Free();
        }
    }

    private static string Time(int iterations, Action action)
    {
        // Enough calls for the JIT to reach its optimised tier, as it has in a long-running service.
        for (var i = 0; i < 20; i++)
        {
            action();
        }
        var cpu = new List<double>();
        var wall = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var cpuStart = ProcessCpuClock.NowMilliseconds();
            var sw = Stopwatch.StartNew();
            action();
            wall.Add(sw.Elapsed.TotalMilliseconds);
            cpu.Add(ProcessCpuClock.NowMilliseconds() - cpuStart);
        }
        cpu.Sort();
        wall.Sort();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cpu[cpu.Count / 2]:0.00} ({wall[wall.Count / 2]:0.0})");
    }
}
