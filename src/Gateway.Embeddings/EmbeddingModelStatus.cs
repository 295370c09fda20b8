namespace Gateway.Embeddings;

/// <summary>The state of the embedding model as reported by health endpoints and the UI.</summary>
/// <param name="State">Ready, Downloading, Missing or Failed.</param>
/// <param name="ModelId">The configured model id, e.g. <c>google/siglip2-base-patch16-224</c>.</param>
/// <param name="Dimensions">Output dimensions read from the model, or 0 while none is loaded.</param>
/// <param name="Detail">A human-readable explanation: what is missing, where to put it, the command that fetches it, progress.</param>
public sealed record EmbeddingModelStatus(EmbeddingModelState State, string ModelId, int Dimensions, string Detail)
{
    /// <summary>While ready: the export loaded and each tower's batch size; null otherwise.</summary>
    public EmbeddingTuning? Tuning { get; init; }
}
