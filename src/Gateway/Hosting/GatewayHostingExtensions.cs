using Gateway.Hosting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Start-up wiring that guards the whole pipeline: Elasticsearch-shaped errors for every bad request.</summary>
public static class GatewayHostingExtensions
{
    /// <summary>Adds <see cref="ElasticsearchErrorMiddleware"/> as the outermost step; call it first after <c>Build()</c>.</summary>
    public static WebApplication UseGatewayHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ElasticsearchErrorMiddleware>();
        return app;
    }
}
