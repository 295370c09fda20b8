namespace Gateway.Embeddings;

/// <summary>
/// Carries an <see cref="EmbeddingFailure"/> through code whose own API still reports failures by exception (an indexing
/// job's entry point, the host's request pipeline); the embedding service itself never throws it.
/// </summary>
public sealed class EmbeddingFailureException(EmbeddingFailure failure) : Exception(failure?.Reason)
{
    public EmbeddingFailure Failure { get; } = failure ?? throw new ArgumentNullException(nameof(failure));
}
