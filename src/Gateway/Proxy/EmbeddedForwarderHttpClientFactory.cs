using Gateway.Upstream;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Proxy;

/// <summary>YARP's client for the embedded upstream: an invoker over the store's in-process handler, no socket (held bodies as is, others piped).</summary>
internal sealed class EmbeddedForwarderHttpClientFactory(EmbeddedUpstream embedded) : IForwarderHttpClientFactory
{
    public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context) =>
        context.OldClient ?? new HttpMessageInvoker(new UpstreamTelemetryHandler(new BufferedBodyHandler(new EmbeddedForwardingHandler(embedded.Handler))), disposeHandler: true);
}
