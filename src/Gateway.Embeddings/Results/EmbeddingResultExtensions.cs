namespace Gateway.Embeddings;

/// <summary>For callers whose own API reports failures by exception: the value, or <see cref="EmbeddingFailureException"/>.</summary>
public static class EmbeddingResultExtensions
{
    public static T ValueOrThrow<T>(this EmbeddingResult<T> result)
        where T : class =>
        result.Failure is { } failure ? throw new EmbeddingFailureException(failure) : result.Value;
}
