namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the reverse proxy that forwards everything the gateway does not answer itself.</summary>
internal static class ProxyEndpointRouteBuilderExtensions
{
    /// <summary>Maps YARP's catch-all route (lowest priority) with its default pipeline (load balancing, passive health checks).</summary>
    public static IEndpointRouteBuilder MapUpstreamProxy(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapReverseProxy();
        return endpoints;
    }
}
