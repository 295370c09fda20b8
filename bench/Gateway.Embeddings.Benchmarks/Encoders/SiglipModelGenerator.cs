using Gateway.TestModels;

namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>
/// Writes random-weight ONNX towers with the real architecture and shapes of a SigLIP(-2) checkpoint
/// (transformers modeling_siglip2.py / modeling_siglip.py), so timings are real although the vectors are not; fp32,
/// or int8 the way the published quantized exports are (see <see cref="TransformerGraph"/>). The patch-embedding Conv stays
/// float in both (about 1 % of the vision FLOPs).
/// </summary>
internal static class SiglipModelGenerator
{
    public static void WriteVision(SiglipArchitecture arch, string path, bool quantized = false)
    {
        var g = new OnnxGraphBuilder("siglip_vision_random")
            .Input("pixel_values", OnnxGraphBuilder.Float, "batch_size", 3, arch.ImageSize, arch.ImageSize)
            .Output("pooler_output", OnnxGraphBuilder.Float, "batch_size", arch.Hidden);
        var t = new TransformerGraph(g, arch, seed: 1, quantized);
        var d = arch.Hidden;

        // Patch embedding: Conv2d(3, D, kernel = stride = patch) with bias, flattened to [N, patches, D], plus positions.
        var conv = g.Node("Conv", ["pixel_values", t.Random("patch_w", d, 3, arch.PatchSize, arch.PatchSize), t.Vector(d, 0.01f)],
            ("kernel_shape", new long[] { arch.PatchSize, arch.PatchSize }), ("strides", new long[] { arch.PatchSize, arch.PatchSize }));
        var flat = g.Node("Transpose", [g.Node("Reshape", [conv, g.Longs("patch_flat", 0, d, -1)])], ("perm", new long[] { 0, 2, 1 }));
        var x = g.Node("Add", [flat, t.Random("position_embedding", arch.Patches, d)]);
        for (var i = 0; i < arch.VisionLayers; i++)
        {
            x = t.EncoderLayer(x);
        }

        x = t.LayerNorm(x); // post_layernorm

        // Multihead attention pooling head: a learned probe attends over the patches, then LayerNorm + MLP residual.
        var attended = t.Attention(x, t.Random("probe", 1, 1, d));
        var pooled = g.Node("Add", [attended, t.Mlp(t.LayerNorm(attended))]);
        g.NodeTo("pooler_output", "Reshape", [pooled, g.Longs("pool_shape", -1, d)]);
        g.Save(path);
    }

    public static void WriteText(SiglipArchitecture arch, string path, bool quantized = false)
    {
        var g = new OnnxGraphBuilder("siglip_text_random")
            .Input("input_ids", OnnxGraphBuilder.Int64, "batch_size", arch.SequenceLength)
            .Output("pooler_output", OnnxGraphBuilder.Float, "batch_size", arch.Hidden);
        var t = new TransformerGraph(g, arch, seed: 2, quantized);
        var d = arch.Hidden;

        var tokens = t.Embedding("token_embedding", "input_ids", arch.Vocabulary, d);
        var x = g.Node("Add", [tokens, t.Random("text_position_embedding", arch.SequenceLength, d)]);
        for (var i = 0; i < arch.TextLayers; i++)
        {
            x = t.EncoderLayer(x);
        }

        x = t.LayerNorm(x); // final_layer_norm

        // Last-token pooling (the position may be padding, as in the reference) and the Linear head.
        var last = g.Node("Gather", [x, g.Longs("last_position", arch.SequenceLength - 1)], ("axis", 1));
        var squeezed = g.Node("Reshape", [last, g.Longs("last_shape", -1, d)]);
        g.NodeTo("pooler_output", "Identity", [t.Linear(squeezed, d, d)]);
        g.Save(path);
    }
}
