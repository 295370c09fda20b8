using Gateway.Embeddings;
using Gateway.Rewrite;
using Gateway.Upstream;

namespace Gateway.Errors;

/// <summary>
/// An Elasticsearch-shaped error the gateway answers itself, with an optional Retry-After: the host's one place where
/// an error value (a rewrite refusal, an embedding refusal, an upstream error) becomes the HTTP answer
/// <c>{"error":{"root_cause":[...],"type":...,"reason":...},"status":N}</c>.
/// </summary>
/// <param name="Error">Status, type, reason and (for 429) when to retry.</param>
internal sealed record GatewayError(RewriteError Error)
{
    /// <summary>For 429: when to retry.</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;

    /// <summary>Maps a body parser's <see cref="RewriteException"/> to its HTTP answer; null for anything else (a bug: let it surface).</summary>
    public static GatewayError? From(Exception exception) => exception switch
    {
        RewriteException e => new(e.Error),
        _ => null,
    };

    /// <summary>A 400 <c>illegal_argument_exception</c>.</summary>
    public static GatewayError BadRequest(string reason) => new(RewriteError.BadRequest(reason));

    /// <summary>An upstream's failed answer, passed on with its status, type and reason.</summary>
    public static GatewayError? From(UpstreamResponse response) =>
        response.ElasticsearchError is { } error ? new(new RewriteError(error.Status, error.Type, error.Reason)) : null;

    /// <summary>The error as a minimal-API result (written by <see cref="WriteAsync"/>).</summary>
    public IResult ToResult() => new ErrorResult(this);

    /// <summary>The HTTP answer to an embedding failure.</summary>
    public static GatewayError From(EmbeddingFailure failure) => new(failure.Kind switch
    {
        EmbeddingFailureKind.TooLarge => RewriteError.TooLong(failure.Reason),
        EmbeddingFailureKind.Undecodable => RewriteError.BadRequest("the query image does not decode: " + failure.Reason),
        EmbeddingFailureKind.Refused => new RewriteError(429, "es_rejected_execution_exception", failure.Reason) { RetryAfter = failure.RetryAfter },
        _ => new RewriteError(503, "model_unavailable_exception", failure.Reason),
    });

    /// <summary>Writes the error as the response: status, JSON body, Retry-After and the product header ES clients check.</summary>
    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        var body = ElasticsearchError.ToJson(Error);
        response.StatusCode = Error.Status;
        response.ContentType = "application/json; charset=UTF-8";
        response.ContentLength = body.Length;
        response.Headers["X-elastic-product"] = "Elasticsearch";
        if (RetryAfter is { } retry)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private sealed class ErrorResult(GatewayError error) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => error.WriteAsync(httpContext.Response, httpContext.RequestAborted);
    }
}
