namespace Gateway.Upstream;

/// <summary>An upstream request failed for good (after retries, or with a non-transient error).</summary>
public sealed class UpstreamException(string message, int status) : Exception(message)
{
    /// <summary>The last HTTP status (0 when no answer came).</summary>
    public int Status { get; } = status;
}
