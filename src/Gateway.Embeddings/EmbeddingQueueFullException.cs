namespace Gateway.Embeddings;

/// <summary>The embedding queue is full (HTTP 429); retry after <see cref="RetryAfter"/>.</summary>
public sealed class EmbeddingQueueFullException(TimeSpan retryAfter)
    : Exception("the embedding queue is full; retry after " + retryAfter.TotalSeconds + " s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
