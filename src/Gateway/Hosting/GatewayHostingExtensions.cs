using Gateway.Hosting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Start-up wiring that guards the whole pipeline: Elasticsearch-shaped errors for every bad request, forwarded
/// headers from named proxies only, and no cross-site writes to the gateway's API. Host filtering is ASP.NET's own
/// (<c>AllowedHosts</c>, default in appsettings.json: localhost names and loopback addresses).
/// </summary>
internal static class GatewayHostingExtensions
{
    /// <summary>Registers <see cref="TrustedProxyOptions"/> (<c>Gateway:TrustedProxies</c>) and the forwarded-headers setup that honours it.</summary>
    public static WebApplicationBuilder AddGatewayHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPostConfigureOptions<ForwardedHeadersOptions>, TrustedProxyForwardedHeadersSetup>();
        builder.Services.PostConfigure<HostFilteringOptions>(o => o.IncludeFailureMessage = false);
        return builder;
    }

    /// <summary>Adds <see cref="ElasticsearchErrorMiddleware"/> (outermost), forwarded headers from trusted proxies and <see cref="CrossSiteWriteGuard"/>; call it first after <c>Build()</c>.</summary>
    public static WebApplication UseGatewayHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ElasticsearchErrorMiddleware>();
        if (app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.Any)
        {
            app.UseForwardedHeaders();
        }

        app.Use(CrossSiteWriteGuard.InvokeAsync);
        return app;
    }
}
