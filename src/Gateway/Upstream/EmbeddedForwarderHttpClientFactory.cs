using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Upstream;

/// <summary>YARP's client for the embedded upstream: an invoker over the store's in-process handler, no socket.</summary>
internal sealed class EmbeddedForwarderHttpClientFactory(EmbeddedUpstream embedded) : IForwarderHttpClientFactory
{
    public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context) =>
        context.OldClient ?? new HttpMessageInvoker(new EmbeddedForwardingHandler(embedded.Handler), disposeHandler: true);
}
