namespace Gateway.Embeddings;

/// <summary>How the loaded model runs: which export, and the batch size per tower.</summary>
/// <param name="Variant">The export (<c>fp32</c>, <c>int8</c>, ...) or the two configured tower files.</param>
/// <param name="Text">The text tower's batch size.</param>
/// <param name="Image">The vision tower's batch size.</param>
public sealed record EmbeddingTuning(string Variant, BatchSizeChoice Text, BatchSizeChoice Image);
