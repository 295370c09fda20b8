namespace Gateway.Embeddings;

/// <summary>An expected failure of the embedding service, as a value.</summary>
/// <param name="Kind">Refused, unavailable, undecodable or too large.</param>
/// <param name="Reason">A human-readable reason: the full queue, the missing model and the command that fetches it, or what is wrong with the image.</param>
/// <param name="RetryAfter">For <see cref="EmbeddingFailureKind.Refused"/>: when to try again.</param>
public sealed record EmbeddingFailure(EmbeddingFailureKind Kind, string Reason, TimeSpan? RetryAfter = null)
{
    public static EmbeddingFailure QueueFull(TimeSpan retryAfter) =>
        new(EmbeddingFailureKind.Refused, "the embedding queue is full; retry after " + retryAfter.TotalSeconds + " s", retryAfter);

    public static EmbeddingFailure Unavailable(string reason) => new(EmbeddingFailureKind.Unavailable, reason);

    public static EmbeddingFailure Undecodable(ImageDecodeException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(exception.TooLarge ? EmbeddingFailureKind.TooLarge : EmbeddingFailureKind.Undecodable, exception.Message);
    }
}
