using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Benchmarks;

/// <summary>
/// The floor any YARP-based gateway stands on: Kestrel plus YARP's catch-all route to one destination, nothing else
/// (its own process: <c>proxy-bare --url U --upstream X</c>; no X-Forwarded headers, like the gateway's defaults).
/// Measured beside the gateway, it separates what the extra HTTP hop costs from what the gateway's own code adds.
/// </summary>
internal static class BareProxy
{
    public static async Task<int> RunAsync(string url, string upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        builder.Logging.ClearProviders();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [new RouteConfig { RouteId = "all", ClusterId = "upstream", Match = new RouteMatch { Path = "{**catch-all}" } }],
                [new ClusterConfig { ClusterId = "upstream", Destinations = new Dictionary<string, DestinationConfig> { ["0"] = new() { Address = upstream } } }])
            .AddTransforms(context => context.UseDefaultForwarders = false);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.RunAsync();
        return 0;
    }
}
