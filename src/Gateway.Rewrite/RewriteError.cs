namespace Gateway.Rewrite;

/// <summary>Why a request was refused before it reached the upstream.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Type">Elasticsearch error type.</param>
/// <param name="Reason">Human-readable reason.</param>
public sealed record RewriteError(int Status, string Type, string Reason)
{
    /// <summary>For 429 (a full embedding queue): when the client may retry; sent as <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A 400 <c>illegal_argument_exception</c>.</summary>
    public static RewriteError BadRequest(string reason) => new(400, "illegal_argument_exception", reason);

    /// <summary>A 413 <c>content_too_long_exception</c>.</summary>
    public static RewriteError TooLong(string reason) => new(413, "content_too_long_exception", reason);
}
