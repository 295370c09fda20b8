namespace Gateway.Upstream;

/// <summary>
/// Whether a step that returns nothing succeeded, or the expected failure that stopped it (the upstream refused or did
/// not answer, the embedding model is unavailable), as one readable reason. Failures are values; exceptions stay for
/// programmer errors, broken configuration and cancellation.
/// </summary>
public readonly record struct Outcome
{
    private Outcome(string? failure) => Failure = failure;

    /// <summary>Success.</summary>
    public static Outcome Ok => default;

    /// <summary>Why the step failed; null on success.</summary>
    public string? Failure { get; }

    /// <summary>True when <see cref="Failure"/> is null.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>A failure with <paramref name="reason"/>.</summary>
    public static Outcome Failed(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new Outcome(reason);
    }
}
