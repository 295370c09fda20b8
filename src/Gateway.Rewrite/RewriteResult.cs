namespace Gateway.Rewrite;

/// <summary>The outcome of rewriting a <c>_search</c> or <c>_msearch</c> body; expected failures are values.</summary>
public sealed class RewriteResult
{
    private RewriteResult(byte[]? body, RewriteError? error, IReadOnlyList<GatewayAnnotation?> annotations)
    {
        Body = body;
        Error = error;
        Annotations = annotations;
    }

    /// <summary>The body needs no rewriting: forward the original bytes and leave the response alone.</summary>
    public static RewriteResult Unchanged { get; } = new(null, null, []);

    /// <summary>The new body to forward, or <see langword="null"/> when unchanged or refused.</summary>
    public byte[]? Body { get; }

    /// <summary>Why the request is refused; nothing is forwarded.</summary>
    public RewriteError? Error { get; }

    /// <summary>One entry per search (one for <c>_search</c>, one per body line of <c>_msearch</c>);
    /// <see langword="null"/> for searches that were not rewritten.</summary>
    public IReadOnlyList<GatewayAnnotation?> Annotations { get; }

    /// <summary>Whether <see cref="Body"/> replaces the request body.</summary>
    public bool IsRewritten => Body is not null;

    internal static RewriteResult Rewritten(byte[] body, IReadOnlyList<GatewayAnnotation?> annotations) => new(body, null, annotations);

    internal static RewriteResult Refused(RewriteError error) => new(null, error, []);
}
