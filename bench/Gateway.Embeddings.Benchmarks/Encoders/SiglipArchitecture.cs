namespace Gateway.Embeddings.Benchmarks.Encoders;

/// <summary>
/// Shapes of a SigLIP(-2) checkpoint. <see cref="Base224"/> is google/siglip2-base-patch16-224 (transformers
/// SiglipVisionConfig / SiglipTextConfig defaults with the checkpoint's vocab_size 256000): ViT-B/16 at 224,
/// 12 layers, hidden 768, MLP 3072, 12 heads, LayerNorm eps 1e-6, gelu (tanh approximation), an attention-pooling
/// (MAP) head on the vision side, last-token pooling + Linear head on the text side.
/// </summary>
internal sealed record SiglipArchitecture(
    int ImageSize,
    int PatchSize,
    int Hidden,
    int Intermediate,
    int Heads,
    int VisionLayers,
    int TextLayers,
    int Vocabulary,
    int SequenceLength)
{
    public static SiglipArchitecture Base224 { get; } = new(224, 16, 768, 3072, 12, 12, 12, 256_000, 64);

    public int Patches => (ImageSize / PatchSize) * (ImageSize / PatchSize);

    /// <summary>FLOPs (2 per multiply-add) of one image through the vision tower, counting matrix products only.</summary>
    public double VisionFlops()
    {
        double l = Patches, d = Hidden;
        var patchEmbed = 2 * l * d * (3.0 * PatchSize * PatchSize);
        var head = (2 * 2 * l * d * d) + (2 * 2 * d * d) + (2 * 2 * l * d) + (2 * 2 * d * Intermediate);
        return patchEmbed + (VisionLayers * LayerFlops(l)) + head;
    }

    /// <summary>FLOPs of one text through the text tower (the embedding lookup is free).</summary>
    public double TextFlops() => (TextLayers * LayerFlops(SequenceLength)) + (2.0 * Hidden * Hidden);

    // Q, K, V, O projections; scores and weighted sum; two MLP matrices.
    private double LayerFlops(double tokens) =>
        (4 * 2 * tokens * Hidden * Hidden) + (2 * 2 * tokens * tokens * Hidden) + (2 * 2 * tokens * Hidden * Intermediate);
}
