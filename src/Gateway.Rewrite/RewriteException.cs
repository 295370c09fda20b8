namespace Gateway.Rewrite;

/// <summary>
/// A request that cannot be rewritten, with the Elasticsearch error it answers. Thrown while walking a
/// body (and by <see cref="IQueryVectorSource"/> implementations); <see cref="SearchRewriter"/>
/// turns it into <see cref="RewriteResult.Error"/>.
/// </summary>
public sealed class RewriteException(int status, string type, string reason) : Exception(reason)
{
    /// <summary>HTTP status: 400, 404 or 413.</summary>
    public int Status { get; } = status;

    /// <summary>Elasticsearch error type, e.g. <c>illegal_argument_exception</c>.</summary>
    public string Type { get; } = type;

    /// <summary>Builds a 400 <c>illegal_argument_exception</c>.</summary>
    public static RewriteException BadRequest(string reason) => new(400, "illegal_argument_exception", reason);
}
