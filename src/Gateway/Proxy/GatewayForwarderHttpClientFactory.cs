using Gateway.Upstream;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Proxy;

/// <summary>YARP's forwarder client for Elasticsearch nodes (its defaults), with <see cref="BufferedBodyHandler"/> in front of the socket handler
/// and <see cref="UpstreamTelemetryHandler"/> in front of both.</summary>
internal sealed class GatewayForwarderHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new UpstreamTelemetryHandler(new BufferedBodyHandler(base.WrapHandler(context, handler)));
}
