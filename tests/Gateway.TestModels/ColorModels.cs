namespace Gateway.TestModels;

/// <summary>The two graphs of the colour test model.</summary>
internal static class ColorModels
{
    // Softmax sharpness over squared colour distances in [-1, 1] space; high enough that a solid colour
    // lands almost exactly on its direction.
    private const float Sharpness = 8f;

    // Norm of the vector that every non-colour token contributes, so prompts are not free of noise.
    private const float NoiseNorm = 0.15f;

    /// <summary>pixel_values [N,3,S,S] → channel means → soft nearest colour → pooler_output [N,D].</summary>
    public static OnnxGraphBuilder Vision(float[][] directions, int imageSize)
    {
        var k = directions.Length;
        var d = directions[0].Length;
        var g = new OnnxGraphBuilder("colour_vision")
            .Input("pixel_values", OnnxGraphBuilder.Float, "batch_size", 3, imageSize, imageSize)
            .Output("pooler_output", OnnxGraphBuilder.Float, "batch_size", d);

        // -|m - c|² = 2 m·c - |c|² - |m|²; the last term is the same for every colour, so softmax ignores it.
        var centres = new float[3 * k];
        var squares = new float[k];
        for (var j = 0; j < k; j++)
        {
            var colour = TestColor.All[j];
            float[] c = [Unit(colour.R), Unit(colour.G), Unit(colour.B)];
            for (var ch = 0; ch < 3; ch++)
            {
                centres[(ch * k) + j] = 2 * c[ch] * Sharpness;
                squares[j] += c[ch] * c[ch] * Sharpness;
            }
        }

        var means = g.Node("ReduceMean", ["pixel_values"], ("axes", new long[] { 2, 3 }), ("keepdims", 0));
        var dots = g.Node("MatMul", [means, g.Weight("centres", centres, 3, k)]);
        var logits = g.Node("Sub", [dots, g.Weight("squares", squares, k)]);
        var weights = g.Node("Softmax", [logits], ("axis", -1));
        g.NodeTo("pooler_output", "MatMul", [weights, g.Weight("directions", [.. directions.SelectMany(x => x)], k, d)]);
        return g;
    }

    /// <summary>input_ids [N,64] → embedding rows summed → pooler_output [N,D]; colour pieces carry the colour directions.</summary>
    public static OnnxGraphBuilder Text(float[][] directions, IReadOnlyDictionary<string, int> vocabulary, int vocabularySize, bool attentionMask, int slowMatMuls = 0)
    {
        var d = directions[0].Length;
        var g = new OnnxGraphBuilder("colour_text")
            .Input("input_ids", OnnxGraphBuilder.Int64, "batch_size", TestModelFactory.SequenceLength)
            .Output("pooler_output", OnnxGraphBuilder.Float, "batch_size", d);
        if (attentionMask)
        {
            g.Input("attention_mask", OnnxGraphBuilder.Int64, "batch_size", "sequence_length");
        }

        var table = new float[vocabularySize * d];
        var random = new Random(7);
        for (var id = 1; id < vocabularySize; id++)
        {
            // id 0 is the pad: it contributes nothing, so padding never changes a vector.
            var row = table.AsSpan(id * d, d);
            for (var i = 0; i < d; i++)
            {
                row[i] = (float)(random.NextDouble() * 2 - 1);
            }

            var norm = MathF.Sqrt(row.ToArray().Sum(x => x * x));
            for (var i = 0; i < d; i++)
            {
                row[i] *= NoiseNorm / norm;
            }
        }

        for (var j = 0; j < directions.Length; j++)
        {
            foreach (var piece in new[] { TestColor.All[j].Name, "\u2581" + TestColor.All[j].Name })
            {
                if (vocabulary.TryGetValue(piece, out var id))
                {
                    directions[j].CopyTo(table.AsSpan(id * d, d));
                }
            }
        }

        var rows = g.Node("Gather", [g.Weight("token_embedding", table, vocabularySize, d), "input_ids"], ("axis", 0));
        if (slowMatMuls == 0)
        {
            g.NodeTo("pooler_output", "ReduceSum", [rows, g.Longs("sum_axes", 1)], ("keepdims", 0));
            return g;
        }

        var sum = g.Node("ReduceSum", [rows, g.Longs("sum_axes", 1)], ("keepdims", 0));
        g.NodeTo("pooler_output", "Add", [sum, SlowZero(g, slowMatMuls)]);
        return g;
    }

    // Real work whose result is exactly zero: [N,1] zeros computed through slowMatMuls 512×512 matrix products that
    // depend on the input (so ONNX Runtime cannot fold them away). Tests use it to hold requests in the queue.
    private static string SlowZero(OnnxGraphBuilder g, int matMuls)
    {
        const int Size = 512;
        var zero = g.Weight("slow_zero", [0f]);
        var ids = g.Node("Cast", ["input_ids"], ("to", (long)OnnxGraphBuilder.Float));
        var perRow = g.Node("Mul", [g.Node("ReduceSum", [ids, g.Longs("slow_axes_1", 1)], ("keepdims", 1)), zero]);
        var matrix = g.Weight("slow_matrix", Enumerable.Repeat(1f / Size, Size * Size).ToArray(), Size, Size);
        var product = g.Node("Add", [matrix, g.Node("Unsqueeze", [perRow, g.Longs("slow_axes_2", 2)])]);
        for (var i = 0; i < matMuls; i++)
        {
            product = g.Node("MatMul", [product, matrix]);
        }

        var total = g.Node("Mul", [g.Node("ReduceSum", [product, g.Longs("slow_axes_12", 1, 2)], ("keepdims", 0)), zero]);
        return g.Node("Unsqueeze", [total, g.Longs("slow_axes_1b", 1)]);
    }

    private static float Unit(byte value) => (value / 255f * 2) - 1;
}
