namespace Gateway.Embeddings;

/// <summary>
/// The one shared SigLIP-2 encoder: text and images into L2-normalised vectors of the same space.
/// Implementations batch concurrent requests, bound their queue and honour cancellation.
/// </summary>
public interface IEmbeddingService
{
    /// <summary>Whether a model is loaded, being fetched, or missing (and what to do about it).</summary>
    EmbeddingModelStatus Status { get; }

    /// <summary>How many requests are queued and running right now.</summary>
    EmbeddingQueueStatus Queue { get; }

    /// <summary>Embeds one raw text (no prompt template applied). Throws <see cref="EmbeddingUnavailableException"/>
    /// when no model is loaded and <see cref="EmbeddingQueueFullException"/> when the queue is full.</summary>
    ValueTask<float[]> EmbedTextAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Embeds one encoded image (JPEG, PNG, WebP, GIF, BMP, HEIC). Throws
    /// <see cref="ImageDecodeException"/> for an image that does not decode or exceeds the limits.</summary>
    ValueTask<float[]> EmbedImageAsync(ReadOnlyMemory<byte> encodedImage, string? name = null, CancellationToken cancellationToken = default);
}
