using Gateway.Errors;
using Gateway.Rewrite;

namespace Gateway.Hosting;

/// <summary>
/// Refuses cross-site writes to the gateway's own API: a state-changing request (not GET, HEAD or OPTIONS) under
/// <c>/_gateway/</c> must come from the same origin or from no browser page at all (no <c>Origin</c>, or one equal
/// to the request's own scheme and Host; <c>Sec-Fetch-Site</c> absent, <c>same-origin</c> or <c>none</c>), and the
/// jobs API also needs a JSON content type, which a cross-site HTML form or a "simple" fetch cannot send.
/// </summary>
internal static class CrossSiteWriteGuard
{
    /// <summary>The refusal for <paramref name="request"/>, or null when it may go on.</summary>
    public static RewriteError? Check(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Path.StartsWithSegments("/_gateway", StringComparison.Ordinal))
        {
            return null;
        }

        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return Refused($"cross-site request refused: Sec-Fetch-Site is [{fetchSite}]");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !SameOrigin(origin, request))
        {
            return Refused($"cross-site request refused: Origin [{origin}] is not this gateway");
        }

        if (request.Path.StartsWithSegments("/_gateway/jobs", StringComparison.Ordinal)
            && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
            && !IsJson(request.ContentType))
        {
            return new RewriteError(406, "media_type_header_exception",
                $"Content-Type header [{request.ContentType}] is not supported: the jobs API takes application/json");
        }

        return null;
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/vnd.elasticsearch+json", StringComparison.OrdinalIgnoreCase));

    private static RewriteError Refused(string reason) => new(403, "security_exception", reason);

    /// <summary>Middleware form of <see cref="Check"/>.</summary>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Check(context.Request) is { } refused)
        {
            await new GatewayError(refused).WriteAsync(context.Response, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
