namespace Gateway.Embeddings;

/// <summary>What the embedding service answers: a value (a vector, or the vectors of one batch) or an <see cref="EmbeddingFailure"/>.</summary>
/// <typeparam name="T">float[] for one input, float[][] for a batch.</typeparam>
public readonly record struct EmbeddingResult<T>
    where T : class
{
    private readonly T? _value;

    private EmbeddingResult(T? value, EmbeddingFailure? failure)
    {
        _value = value;
        Failure = failure;
    }

    /// <summary>Null when <see cref="Value"/> holds the answer.</summary>
    public EmbeddingFailure? Failure { get; }

    public bool Succeeded => Failure is null;

    /// <summary>The answer; reading it from a failed result is a programmer error (check <see cref="Failure"/> first).</summary>
    public T Value => _value ?? throw new InvalidOperationException("the embedding failed (" + Failure?.Kind + "): " + Failure?.Reason);

    public static implicit operator EmbeddingResult<T>(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static implicit operator EmbeddingResult<T>(EmbeddingFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));

    /// <summary>The same failure for another value type, or <paramref name="map"/> of the value.</summary>
    public EmbeddingResult<TOut> Map<TOut>(Func<T, TOut> map)
        where TOut : class
    {
        ArgumentNullException.ThrowIfNull(map);
        return Failure is { } failure ? failure : map(Value);
    }
}
