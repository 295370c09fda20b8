namespace Gateway.Proxy;

/// <summary>
/// Sends a body the gateway already holds (see <see cref="BufferedRequestContent"/>) in one write with the request
/// headers. YARP's own request content flushes the headers before it copies the body, so every proxied
/// <c>_search</c> reached the upstream as two TCP segments, costing the upstream a second read and wake-up per
/// request (measured: 4–6 µs of upstream CPU per search, the gap between direct and proxied throughput).
/// Other bodies keep streaming through YARP's content. Used in front of both the socket handler
/// (<see cref="GatewayForwarderHttpClientFactory"/>) and the embedded store (<see cref="EmbeddedForwarderHttpClientFactory"/>).
/// </summary>
internal sealed class BufferedBodyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Replace(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Replace(request);
        return base.Send(request, cancellationToken);
    }

    private static void Replace(HttpRequestMessage request)
    {
        if (request.Content is { } content and not BufferedRequestContent
            && request.Options.TryGetValue(BufferedRequestContent.Key, out var body))
        {
            request.Content = new BufferedRequestContent(content, body);
        }
    }
}
