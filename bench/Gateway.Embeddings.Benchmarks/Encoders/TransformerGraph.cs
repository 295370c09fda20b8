using Gateway.TestModels;

namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>Writes SigLIP encoder blocks into an ONNX graph the way torch.onnx exports them (MatMul + Add linears,
/// Reshape/Transpose heads, LayerNormalization, tanh-approximated gelu), with random weights.</summary>
internal sealed class TransformerGraph(OnnxGraphBuilder graph, SiglipArchitecture arch, int seed)
{
    private readonly Random _random = new(seed);
    private int _tensor;

    public OnnxGraphBuilder Graph => graph;

    /// <summary>A random [rows, cols] matrix with std ≈ 0.02.</summary>
    public string Matrix(int rows, int cols) => graph.Weight("w" + _tensor++, Random(rows * cols), rows, cols);

    public string Vector(int length, float value)
    {
        var values = new float[length];
        Array.Fill(values, value);
        return graph.Weight("v" + _tensor++, values, length);
    }

    public string Scalar(float value) => graph.Weight("s" + _tensor++, [value]);

    public string Random(string name, params int[] dims) =>
        graph.Weight(name, Random(dims.Aggregate(1, (a, b) => a * b)), [.. dims.Select(d => (long)d)]);

    public string Linear(string x, int inputs, int outputs) =>
        graph.Node("Add", [graph.Node("MatMul", [x, Matrix(inputs, outputs)]), Vector(outputs, 0.01f)]);

    public string LayerNorm(string x) =>
        graph.Node("LayerNormalization", [x, Vector(arch.Hidden, 1f), Vector(arch.Hidden, 0f)], ("axis", -1), ("epsilon", 1e-6f));

    /// <summary>One pre-norm encoder layer over [N, L, D].</summary>
    public string EncoderLayer(string x)
    {
        var attended = Attention(LayerNorm(x), null);
        var h = graph.Node("Add", [x, attended]);
        return graph.Node("Add", [h, Mlp(LayerNorm(h))]);
    }

    /// <summary>Multi-head attention of <paramref name="query"/> (or self-attention when null) over <paramref name="x"/>.</summary>
    public string Attention(string x, string? query)
    {
        var d = arch.Hidden;
        var headDim = d / arch.Heads;
        var split = graph.Longs("split" + _tensor++, 0, -1, arch.Heads, headDim);
        var q = graph.Node("Transpose", [graph.Node("Reshape", [Linear(query ?? x, d, d), split])], ("perm", new long[] { 0, 2, 1, 3 }));
        var k = graph.Node("Transpose", [graph.Node("Reshape", [Linear(x, d, d), split])], ("perm", new long[] { 0, 2, 3, 1 }));
        var v = graph.Node("Transpose", [graph.Node("Reshape", [Linear(x, d, d), split])], ("perm", new long[] { 0, 2, 1, 3 }));
        var scores = graph.Node("Mul", [graph.Node("MatMul", [q, k]), Scalar(1f / MathF.Sqrt(headDim))]);
        var weights = graph.Node("Softmax", [scores], ("axis", -1));
        var context = graph.Node("Transpose", [graph.Node("MatMul", [weights, v])], ("perm", new long[] { 0, 2, 1, 3 }));
        var merged = graph.Node("Reshape", [context, graph.Longs("merge" + _tensor++, 0, -1, d)]);
        return Linear(merged, d, d);
    }

    public string Mlp(string x)
    {
        var h = Linear(x, arch.Hidden, arch.Intermediate);
        return Linear(GeluTanh(h), arch.Intermediate, arch.Hidden);
    }

    // gelu_pytorch_tanh: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
    private string GeluTanh(string x)
    {
        var cube = graph.Node("Mul", [graph.Node("Mul", [x, x]), x]);
        var inner = graph.Node("Add", [x, graph.Node("Mul", [cube, Scalar(0.044715f)])]);
        var t = graph.Node("Tanh", [graph.Node("Mul", [inner, Scalar(MathF.Sqrt(2f / MathF.PI))])]);
        return graph.Node("Mul", [graph.Node("Mul", [x, graph.Node("Add", [t, Scalar(1f)])]), Scalar(0.5f)]);
    }

    private float[] Random(int count)
    {
        // Uniform with std 0.02 (half-width 0.02·√3), like the usual initialiser's scale.
        var values = new float[count];
        const float HalfWidth = 0.0346f;
        var state = (uint)_random.Next() | 1u;
        for (var i = 0; i < values.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            values[i] = ((state * (1f / uint.MaxValue)) * 2 - 1) * HalfWidth;
        }

        return values;
    }
}
