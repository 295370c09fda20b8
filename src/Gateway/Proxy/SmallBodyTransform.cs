using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>
/// Reads a small request body of declared length (up to <see cref="MaxBytes"/>, e.g. a single-document index
/// request) into memory so that it is forwarded in one write with the headers (<see cref="BufferedRequestContent"/>)
/// instead of after them. Larger and chunked bodies, such as <c>_bulk</c> uploads, keep streaming untouched.
/// Runs after <see cref="SearchRewriteTransform"/>, which buffers search bodies itself.
/// </summary>
internal static class SmallBodyTransform
{
    /// <summary>Bodies up to this size are buffered (larger ones stream).</summary>
    public const int MaxBytes = 64 * 1024;

    public static async ValueTask RequestAsync(RequestTransformContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (http.Response.HasStarted
            || context.ProxyRequest.Options.TryGetValue(BufferedRequestContent.Key, out _)
            || request.ContentLength is not (> 0 and <= MaxBytes)
            || http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            return;
        }

        // Never null: the declared length is within the limit.
        var body = (await BoundedBodyReader.ReadAsync(request.Body, request.ContentLength, MaxBytes, context.CancellationToken).ConfigureAwait(false))!;
        request.Body = new MemoryStream(body, writable: false);
        if (body.Length == request.ContentLength)
        {
            // Shorter than declared (the client stopped sending): left to stream, so the upstream sees the same short body.
            context.ProxyRequest.Options.Set(BufferedRequestContent.Key, body);
        }
    }
}
