using Gateway.Errors;
using Gateway.Rewrite;
using Gateway.Upstream;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Proxy;

/// <summary>
/// The proxy's only body-touching step. Requests to <c>_search</c>/<c>_msearch</c> with a body are buffered
/// (up to <see cref="RewriteOptions.MaxBodyBytes"/>) and rewritten when they carry text or images; all other
/// requests and responses stream through untouched. Refused requests are answered here and never forwarded.
/// </summary>
internal sealed partial class SearchRewriteTransform(SearchRewriter rewriter, CatalogChangeSignal catalog, TimeProvider time, ILogger<SearchRewriteTransform> logger)
{
    public async ValueTask RequestAsync(RequestTransformContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsGet(request.Method))
            || !SearchEndpoint.TryParse(request.Path.Value ?? "/", out var kind, out var index)
            || http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true
            || request.ContentLength == 0)
        {
            return;
        }

        var limit = rewriter.Options.MaxBodyBytes;
        byte[]? body;
        try
        {
            body = await BoundedBodyReader.ReadAsync(request.Body, request.ContentLength, limit, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Hosting.ClientFault.From(e) is { } fault)
        {
            // Broken chunking: YARP would answer 502 for an exception in a transform.
            await new GatewayError(fault).WriteAsync(http.Response, context.CancellationToken).ConfigureAwait(false);
            return;
        }

        if (body is null)
        {
            await new GatewayError(new RewriteError(413, "content_too_long_exception",
                $"a {kind switch { SearchEndpointKind.Search => "_search", _ => "_msearch" }} body over {limit} bytes is not accepted by the gateway (Gateway:Rewrite:MaxBodyBytes)"))
                .WriteAsync(http.Response, context.CancellationToken).ConfigureAwait(false);
            return;
        }

        var started = time.GetTimestamp();
        var encoding = request.Headers.ContentEncoding.ToString();
        RewriteResult result;
        try
        {
            var json = await DecodedAsync(body, encoding, limit, context.CancellationToken).ConfigureAwait(false);
            result = json is null ? RewriteResult.Unchanged
                : kind == SearchEndpointKind.Search
                ? await rewriter.RewriteSearchAsync(index, json, context.CancellationToken).ConfigureAwait(false)
                : await rewriter.RewriteMultiSearchAsync(index, json, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (GatewayError.From(e) is { } error)
        {
            LogRefused(logger, request.Path, error.Error.Status, error.Error.Reason);
            await error.WriteAsync(http.Response, context.CancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException && e.Source == "System.Text.Json")
        {
            // A field of the caller's body with the wrong JSON type (a number where the rewriter reads a string).
            LogRefused(logger, request.Path, 400, e.Message);
            await new GatewayError(new RewriteError(400, "parsing_exception", "a field of the request body has the wrong type: " + e.Message))
                .WriteAsync(http.Response, context.CancellationToken).ConfigureAwait(false);
            return;
        }

        if (result.Error is { } refused)
        {
            LogRefused(logger, request.Path, refused.Status, refused.Reason);
            await new GatewayError(refused).WriteAsync(http.Response, context.CancellationToken).ConfigureAwait(false);
            return;
        }

        var forwarded = result.Body ?? body;
        request.Body = new MemoryStream(forwarded, writable: false);
        context.ProxyRequest.Options.Set(BufferedRequestContent.Key, forwarded);
        if (context.ProxyRequest.Content is { } content)
        {
            content.Headers.ContentLength = forwarded.Length;
            if (result.IsRewritten)
            {
                // The rewritten body is sent uncompressed.
                content.Headers.ContentEncoding.Clear();
            }
        }

        if (result.IsRewritten)
        {
            // The response gets a _gateway object: ask the upstream for an uncompressed body.
            context.ProxyRequest.Headers.Remove("Accept-Encoding");
            http.Features.Set(new RewriteState(kind, result.Annotations));
            LogRewritten(logger, request.Path, time.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public async ValueTask ResponseAsync(ResponseTransformContext context)
    {
        var http = context.HttpContext;
        if (context.ProxyResponse is { IsSuccessStatusCode: true })
        {
            catalog.Observe(http.Request.Method, http.Request.Path.Value ?? "/");
        }

        if (http.Features.Get<RewriteState>() is not { } state
            || context.ProxyResponse is not { IsSuccessStatusCode: true } response
            || response.Content.Headers.ContentEncoding.Count > 0
            || HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        var upstreamBody = await response.Content.ReadAsByteArrayAsync(context.CancellationToken).ConfigureAwait(false);
        var annotated = state.Kind == SearchEndpointKind.Search
            ? ResponseAnnotator.AnnotateSearch(upstreamBody, state.Annotations[0] ?? new GatewayAnnotation())
            : ResponseAnnotator.AnnotateMultiSearch(upstreamBody, state.Annotations);
        context.SuppressResponseBody = true;
        http.Response.ContentLength = annotated.Length;
        await http.Response.Body.WriteAsync(annotated, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JSON to look at: the body itself, or decoded when compressed (null for an unknown encoding: forwarded as is).</summary>
    private static async Task<byte[]?> DecodedAsync(byte[] body, string encoding, int limit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(encoding) || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        if (!RequestBodyDecoder.IsSupported(encoding))
        {
            return null;
        }

        try
        {
            return await RequestBodyDecoder.DecodeAsync(body, encoding, limit, cancellationToken).ConfigureAwait(false)
                ?? throw new RewriteException(413, "content_too_long_exception", $"the decompressed body is over {limit} bytes (Gateway:Rewrite:MaxBodyBytes)");
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException && e.Source != "System.Text.Json")
        {
            // GZip and Deflate report junk as InvalidDataException, Brotli as InvalidOperationException.
            throw new RewriteException(400, "parsing_exception", $"the {encoding} request body does not decompress: {e.Message}");
        }
    }

    [LoggerMessage(EventId = 5401, Level = LogLevel.Debug, Message = "Rewrote {Path} in {Milliseconds:F1} ms")]
    private static partial void LogRewritten(ILogger logger, PathString path, double milliseconds);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Information, Message = "Refused {Path} with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, PathString path, int status, string reason);
}
