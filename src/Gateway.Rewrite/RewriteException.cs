namespace Gateway.Rewrite;

/// <summary>
/// A request that cannot be rewritten, with the Elasticsearch error it answers. Thrown while walking a
/// body (and by the body parsers <see cref="StrictJson"/> and <see cref="ImageQueryParser"/>); <see cref="SearchRewriter"/>
/// turns it into <see cref="RewriteResult.Error"/>.
/// </summary>
public sealed class RewriteException(RewriteError error) : Exception(error?.Reason)
{
    public RewriteException(int status, string type, string reason)
        : this(new RewriteError(status, type, reason))
    {
    }

    /// <summary>Status, type, reason (and Retry-After) of the refusal.</summary>
    public RewriteError Error { get; } = error ?? throw new ArgumentNullException(nameof(error));

    /// <summary>HTTP status: 400, 404 or 413.</summary>
    public int Status => Error.Status;

    /// <summary>Elasticsearch error type, e.g. <c>illegal_argument_exception</c>.</summary>
    public string Type => Error.Type;

    /// <summary>Builds a 400 <c>illegal_argument_exception</c>.</summary>
    public static RewriteException BadRequest(string reason) => new(RewriteError.BadRequest(reason));
}
