using Gateway.Errors;
using Gateway.Rewrite;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Hosting;

/// <summary>
/// The outermost step of the pipeline: every error answer the gateway gives is Elasticsearch-shaped, and a bad
/// request is a 4xx, never a 5xx. Methods no endpoint serves (TRACE, CONNECT, WebDAV verbs) are refused with 405;
/// exceptions that a caller's bad input raises inside the framework (<see cref="ClientFault"/>) become their 4xx;
/// a proxied request that failed on the caller's own body becomes 400 instead of YARP's 502; and a bare error
/// status (404 from routing, 403 from the dashboard, 400 from a binder) gets an Elasticsearch error body.
/// </summary>
internal sealed partial class ElasticsearchErrorMiddleware(RequestDelegate next, ILogger<ElasticsearchErrorMiddleware> logger)
{
    private static readonly HashSet<string> Methods = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS" };

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!Methods.Contains(request.Method))
        {
            await WriteAsync(context, new RewriteError(405, ClientFault.TypeOf(405),
                $"Incorrect HTTP method for uri [{request.Path}] and method [{request.Method}], allowed: [GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS]")).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (ClientFault.From(e) is { } error && !context.Response.HasStarted)
        {
            LogClientFault(logger, request.Method, request.Path, error.Status, error.Reason);
            context.Response.Clear();
            await WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength > 0 || response.ContentType is not null)
        {
            return;
        }

        if (context.Features.Get<IForwarderErrorFeature>() is { } forwarder && ClientFault.From(forwarder.Exception) is { } fault)
        {
            LogClientFault(logger, request.Method, request.Path, fault.Status, fault.Reason);
            await WriteAsync(context, fault).ConfigureAwait(false);
            return;
        }

        var status = response.StatusCode;
        await WriteAsync(context, new RewriteError(status, ClientFault.TypeOf(status), ReasonOf(status, context))).ConfigureAwait(false);
    }

    private static string ReasonOf(int status, HttpContext context) => status switch
    {
        401 => "sign-in required",
        403 => $"access to [{context.Request.Path}] is not allowed for this caller",
        404 => $"no handler found for uri [{context.Request.Path}] and method [{context.Request.Method}]",
        _ => $"the gateway answered {status} to {context.Request.Method} [{context.Request.Path}]",
    };

    private static Task WriteAsync(HttpContext context, RewriteError error) =>
        new GatewayError(error).WriteAsync(context.Response, context.RequestAborted);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Refused {Method} {Path} with {Status}: {Reason}")]
    private static partial void LogClientFault(ILogger logger, string method, PathString path, int status, string reason);
}
