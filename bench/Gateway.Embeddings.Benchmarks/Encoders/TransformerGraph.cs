using Gateway.TestModels;

namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>Writes SigLIP encoder blocks into an ONNX graph the way torch.onnx exports them (MatMul + Add linears,
/// Reshape/Transpose heads, LayerNormalization, tanh-approximated gelu), with random weights. With
/// <paramref name="quantized"/> every linear layer and the token embedding are written the way ONNX Runtime's
/// <c>quantize_dynamic</c> (weight type int8, per tensor, <c>MatMulConstBOnly</c>) writes the published
/// <c>*_int8.onnx</c>/<c>*_quantized.onnx</c> exports: <c>DynamicQuantizeLinear</c> on the activation, <c>MatMulInteger</c>
/// against the int8 weight, <c>Cast</c> to float, <c>Mul</c> by activation scale × weight scale, then the float bias; the
/// embedding table as int8 behind <c>Gather</c> + <c>DequantizeLinear</c>. The random weights are drawn in the same order
/// either way, so the fp32 and int8 towers of one seed hold the same weights up to rounding.</summary>
internal sealed class TransformerGraph(OnnxGraphBuilder graph, SiglipArchitecture arch, int seed, bool quantized = false)
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

    public bool Quantized => quantized;

    public string Linear(string x, int inputs, int outputs)
    {
        if (!quantized)
        {
            return graph.Node("Add", [graph.Node("MatMul", [x, Matrix(inputs, outputs)]), Vector(outputs, 0.01f)]);
        }

        var (weight, scale) = Int8("w" + _tensor++, Random(inputs * outputs), inputs, outputs);
        var q = graph.NodeOutputs("DynamicQuantizeLinear", [x], 3); // uint8 activation, its scale, its zero point
        var product = graph.Node("MatMulInteger", [q[0], weight, q[2], graph.Int8Weight("zp" + _tensor++, [0])]);
        var rescale = graph.Node("Mul", [q[1], Scalar(scale)]);
        var y = graph.Node("Mul", [graph.Node("Cast", [product], ("to", (long)OnnxGraphBuilder.Float)), rescale]);
        return graph.Node("Add", [y, Vector(outputs, 0.01f)]);
    }

    /// <summary>An embedding lookup: <c>Gather</c> over the [rows, cols] table (int8 + <c>DequantizeLinear</c> when quantized).</summary>
    public string Embedding(string name, string ids, int rows, int cols)
    {
        if (!quantized)
        {
            return graph.Node("Gather", [Random(name, rows, cols), ids], ("axis", 0));
        }

        var (table, scale) = Int8(name, Random(rows * cols), rows, cols);
        var gathered = graph.Node("Gather", [table, ids], ("axis", 0));
        return graph.Node("DequantizeLinear", [gathered, Scalar(scale), graph.Int8Weight("zp" + _tensor++, [0])]);
    }

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

    /// <summary>Symmetric per-tensor int8 quantization (zero point 0, scale max|w| / 127), as quantize_dynamic does for QInt8 weights.</summary>
    private (string Name, float Scale) Int8(string name, float[] values, params long[] dims)
    {
        var max = values.Max(MathF.Abs);
        var scale = max > 0 ? max / 127f : 1f;
        var q = new sbyte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            q[i] = (sbyte)Math.Clamp(MathF.Round(values[i] / scale), -127, 127);
        }

        return (graph.Int8Weight(name, q, dims), scale);
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
