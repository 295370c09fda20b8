namespace Gateway.Upstream;

/// <summary>A value, or the expected failure that kept a step from producing it (see <see cref="Outcome"/>).</summary>
/// <typeparam name="T">The value's type.</typeparam>
public readonly record struct Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, string? failure)
    {
        _value = value;
        Failure = failure;
    }

    /// <summary>Why the step failed; null when <see cref="Value"/> holds the answer.</summary>
    public string? Failure { get; }

    /// <summary>True when <see cref="Failure"/> is null.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>The answer; reading it from a failed outcome is a programmer error (check <see cref="Failure"/> first).</summary>
    public T Value => Failure is null ? _value! : throw new InvalidOperationException("the step failed: " + Failure);

    /// <summary>A successful outcome holding <paramref name="value"/>.</summary>
    public static implicit operator Outcome<T>(T value) => new(value, null);

    /// <summary>The failure of <paramref name="failed"/>, for a step that would have produced a <typeparamref name="T"/>;
    /// converting a success is a programmer error.</summary>
    public static implicit operator Outcome<T>(Outcome failed) =>
        new(default, failed.Failure ?? throw new InvalidOperationException("only a failed outcome converts to a value's outcome"));

    /// <summary>The same outcome without its value.</summary>
    public Outcome WithoutValue() => Failure is { } failure ? Outcome.Failed(failure) : Outcome.Ok;
}
