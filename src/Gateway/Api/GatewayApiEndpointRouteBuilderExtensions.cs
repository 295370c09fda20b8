using Gateway.Api;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the gateway's own API under <c>/_gateway</c>.</summary>
internal static class GatewayApiEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>GET /_gateway/health</c>, <c>POST /_gateway/identify</c> and <c>POST /_gateway/embed</c>.</summary>
    public static IEndpointRouteBuilder MapGatewayApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/_gateway");
        group.MapGet("/health", HealthEndpoint.HandleAsync);
        group.MapPost("/identify", IdentifyEndpoint.HandleAsync).DisableAntiforgery();
        group.MapPost("/embed", EmbedEndpoint.HandleAsync);
        return endpoints;
    }
}
