namespace Gateway.Embeddings;

/// <summary>
/// The one shared SigLIP-2 encoder: text and images into L2-normalised vectors of the same space.
/// Implementations batch concurrent requests, serve queries before indexing, bound their queue and honour
/// cancellation. Expected failures (full queue, no model, an image that does not decode) are results, not exceptions.
/// </summary>
public interface IEmbeddingService
{
    /// <summary>Whether a model is loaded, being fetched, or missing (and what to do about it).</summary>
    EmbeddingModelStatus Status { get; }

    /// <summary>How many requests are queued and running right now.</summary>
    EmbeddingQueueStatus Queue { get; }

    /// <summary>Loads the model when its files are present, waiting (without holding a thread) for a load another caller
    /// started, and answers the status after: what background work calls before it starts, where a query would rather
    /// get its 503 at once.</summary>
    ValueTask<EmbeddingModelStatus> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Embeds one raw text (no prompt template applied).</summary>
    ValueTask<EmbeddingResult<float[]>> EmbedTextAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Embeds several raw texts in one forward of the text tower (one batch), in order.</summary>
    ValueTask<EmbeddingResult<float[][]>> EmbedTextsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);

    /// <summary>Embeds one encoded image (JPEG, PNG, WebP, GIF, BMP, HEIC); <paramref name="priority"/> picks its lane.</summary>
    ValueTask<EmbeddingResult<float[]>> EmbedImageAsync(
        ReadOnlyMemory<byte> encodedImage, string? name = null, EmbeddingPriority priority = EmbeddingPriority.Query, CancellationToken cancellationToken = default);
}
