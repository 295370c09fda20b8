using System.Net;
using System.Net.Http.Headers;
using Gateway.EmbeddedStore.Rest;

namespace Gateway.EmbeddedStore;

/// <summary>
/// The embedded store's REST API as an <see cref="HttpMessageHandler"/>: no socket, usable as the
/// transport of the official Elasticsearch client
/// (<c>new HttpRequestInvoker((inner, config) =&gt; handler)</c>) and as YARP's forwarding handler.
/// </summary>
public sealed class EmbeddedStoreHandler : HttpMessageHandler
{
    private readonly EmbeddedStore _store;
    private readonly RestDispatcher _dispatcher;

    /// <summary>Creates a handler serving <paramref name="store"/>. Disposing the handler leaves the store open.</summary>
    public EmbeddedStoreHandler(EmbeddedStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _dispatcher = new RestDispatcher(store);
    }

    internal RestDispatcher Dispatcher => _dispatcher;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = _store.Options.MaxBodyBytes;
        RestResponse response;
        var declared = request.Content?.Headers.ContentLength;
        if (declared > limit)
        {
            response = RestDispatcher.TooLarge(declared.Value, limit);
        }
        else
        {
            var body = RequestBody.Of([], 0);
            if (request.Content is not null)
            {
                var stream = await request.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                body = await RestTransport.ReadBodyAsync(stream, Raw(request.Content.Headers.NonValidated, "Content-Encoding"), limit, cancellationToken, declared).ConfigureAwait(false);
            }

            using (body)
            {
                response = body is null
                    ? RestDispatcher.TooLarge(limit + 1, limit)
                    : await _dispatcher.DispatchAsync(request.Method.Method, request.RequestUri?.PathAndQuery ?? "/", body.Memory, request.Content is null ? null : Raw(request.Content.Headers.NonValidated, "Content-Type"), cancellationToken).ConfigureAwait(false);
            }
        }

        return ToHttp(request, response);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        // The official client's synchronous API calls Send; the store's work is synchronous apart from fsync waits.
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    private static HttpResponseMessage ToHttp(HttpRequestMessage request, RestResponse response)
    {
        var message = new HttpResponseMessage((HttpStatusCode)response.Status)
        {
            RequestMessage = request,
            Version = request.Version,
        };
        message.Headers.TryAddWithoutValidation(RestTransport.ProductHeader, RestTransport.ProductValue);
        var accept = Raw(request.Headers.NonValidated, "Accept");
        var body = response.Body ?? [];
        var content = new ByteArrayContent(body)
        {
            // Set, not left to be computed on demand: YARP copies the content headers as they are, and without it
            // every proxied response went out chunked (Elasticsearch sends a Content-Length).
            Headers = { ContentLength = body.Length },
        };
        // Added unparsed: most readers (YARP copies headers without validation) never parse it; ContentType parses on demand.
        content.Headers.TryAddWithoutValidation("Content-Type", response.ContentType ?? RestTransport.ContentType(accept));
        message.Content = content;
        if (response.Headers is not null)
        {
            foreach (var (key, value) in response.Headers)
            {
                message.Headers.TryAddWithoutValidation(key, value);
            }
        }

        return message;
    }

    /// <summary>A header as sent, values joined with ", " (no parsing into header value objects: the store only looks for substrings).</summary>
    private static string? Raw(HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.ToString() : null;
}
