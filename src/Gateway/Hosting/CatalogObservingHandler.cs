using Gateway.Upstream;
namespace Gateway.Hosting;

/// <summary>Tells <see cref="CatalogChangeSignal"/> about the gateway's own client writes (catalog imports).</summary>
internal sealed class CatalogObservingHandler(CatalogChangeSignal signal, HttpMessageHandler inner, bool disposeInner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        signal.Observe(request.Method.Method, request.RequestUri?.AbsolutePath ?? "");
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        // The embedded store's handler is a shared singleton: the client must not dispose it.
        if (disposeInner)
        {
            base.Dispose(disposing);
        }
    }
}
