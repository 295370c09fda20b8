using Gateway.Embeddings;

namespace Gateway.TestSupport;

/// <summary>The real embedding service until <paramref name="images"/> images have been embedded, then unavailable as
/// when its model folder is deleted or a download replaces it: what an album run meets when the model goes away
/// mid-run, which the real service cannot be made to do on cue.</summary>
public sealed class ModelThatGoesAway(IEmbeddingService real, int images) : IEmbeddingService
{
    private int _embedded;

    public EmbeddingModelStatus Status => real.Status;

    public EmbeddingQueueStatus Queue => real.Queue;

    public ValueTask<EmbeddingModelStatus> LoadAsync(CancellationToken cancellationToken = default) => real.LoadAsync(cancellationToken);

    public ValueTask<EmbeddingResult<float[]>> EmbedTextAsync(string text, CancellationToken cancellationToken = default) =>
        real.EmbedTextAsync(text, cancellationToken);

    public ValueTask<EmbeddingResult<float[][]>> EmbedTextsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        real.EmbedTextsAsync(texts, cancellationToken);

    public ValueTask<EmbeddingResult<float[]>> EmbedImageAsync(
        ReadOnlyMemory<byte> encodedImage, string? name = null, EmbeddingPriority priority = EmbeddingPriority.Query, CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref _embedded) <= images
            ? real.EmbedImageAsync(encodedImage, name, priority, cancellationToken)
            : ValueTask.FromResult<EmbeddingResult<float[]>>(EmbeddingFailure.Unavailable("the model folder /models/siglip2 is gone; run `gateway models download`"));
}
