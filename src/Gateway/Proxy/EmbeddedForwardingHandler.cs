namespace Gateway.Proxy;

/// <summary>
/// Adapts YARP's forwarded requests for the embedded store's in-process handler: a streamed body goes through a
/// pipe (<see cref="PipedRequestContent"/>); a body the gateway holds has already been swapped in by
/// <see cref="BufferedBodyHandler"/> in front of this one.
/// </summary>
internal sealed class EmbeddedForwardingHandler(HttpMessageHandler store) : DelegatingHandler(store)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content and not ForwardedRequestContent)
        {
            request.Content = new PipedRequestContent(content);
        }

        return base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        // The store's handler is a shared singleton: leave it open.
    }
}
