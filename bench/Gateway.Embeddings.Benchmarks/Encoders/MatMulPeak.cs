using System.Diagnostics;
using Gateway.TestModels;
using Microsoft.ML.OnnxRuntime;

namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>This machine's matrix-multiply throughput as ONNX Runtime itself reaches it: one large float32 MatMul.</summary>
internal static class MatMulPeak
{
    public static double MeasureGflops(string directory, int size, int intraOpThreads, TimeSpan budget)
    {
        var path = Path.Combine(directory, $"matmul_{size}.onnx");
        if (!File.Exists(path))
        {
            var g = new OnnxGraphBuilder("matmul").Input("a", OnnxGraphBuilder.Float, size, size).Output("c", OnnxGraphBuilder.Float, size, size);
            var b = new float[size * size];
            for (var i = 0; i < b.Length; i++)
            {
                b[i] = (i % 7) * 0.01f;
            }

            g.NodeTo("c", "MatMul", ["a", g.Weight("b", b, size, size)]);
            g.Save(path);
        }

        using var options = new SessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1 };
        using var session = new InferenceSession(path, options);
        var a = new float[size * size];
        Array.Fill(a, 0.5f);
        using var input = OrtValue.CreateTensorValueFromMemory(a, [size, size]);
        using var runOptions = new RunOptions();
        var flops = 2.0 * size * size * size;
        var best = double.MaxValue;
        var started = Stopwatch.GetTimestamp();
        var runs = 0;
        while (runs < 3 || Stopwatch.GetElapsedTime(started) < budget)
        {
            var t = Stopwatch.GetTimestamp();
            using var result = session.Run(runOptions, ["a"], [input], ["c"]);
            var seconds = Stopwatch.GetElapsedTime(t).TotalSeconds;
            if (runs > 0)
            {
                best = Math.Min(best, seconds);
            }

            runs++;
        }

        return flops / best / 1e9;
    }
}
