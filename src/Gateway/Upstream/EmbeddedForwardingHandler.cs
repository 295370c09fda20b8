namespace Gateway.Upstream;

/// <summary>
/// Adapts YARP's forwarded requests for the embedded store's in-process handler: a body the gateway already holds
/// goes over as is (<see cref="BufferedRequestContent"/>), any other body streams through a pipe
/// (<see cref="PipedRequestContent"/>).
/// </summary>
internal sealed class EmbeddedForwardingHandler(HttpMessageHandler store) : DelegatingHandler(store)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content and not (PipedRequestContent or BufferedRequestContent))
        {
            request.Content = request.Options.TryGetValue(BufferedRequestContent.Key, out var body)
                ? new BufferedRequestContent(content, body)
                : new PipedRequestContent(content);
        }

        return base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        // The store's handler is a shared singleton: leave it open.
    }
}
