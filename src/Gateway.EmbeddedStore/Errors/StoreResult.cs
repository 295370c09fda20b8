using System.Diagnostics.CodeAnalysis;

namespace Gateway.EmbeddedStore.Errors;

/// <summary>
/// The result of a store operation that can meet an expected failure: a value, or the
/// <see cref="StoreError"/> the REST layer renders in Elasticsearch's error shape.
/// </summary>
internal readonly struct StoreResult<T>
{
    private readonly T? _value;

    private StoreResult(T? value, StoreError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The failure, or null when the operation succeeded.</summary>
    public StoreError? Error { get; }

    public static implicit operator StoreResult<T>(T value) => new(value, null);

    public static implicit operator StoreResult<T>(StoreError error) => new(default, error);

    /// <summary>True with the value when the operation succeeded; false with the error otherwise.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out StoreError? error)
    {
        value = _value;
        error = Error;
        return error is null;
    }
}
