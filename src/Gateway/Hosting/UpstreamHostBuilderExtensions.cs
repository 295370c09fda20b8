using Elastic.Clients.Elasticsearch;
using Gateway.EmbeddedStore;
using Gateway.Hosting;
using Gateway.Proxy;
using Gateway.Upstream;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the upstream: the YARP proxy, the gateway's own Elasticsearch client, and the embedded store when selected.</summary>
internal static class UpstreamHostBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="UpstreamOptions"/> (section <c>Upstream</c>, plus its <see cref="UpstreamLegacyKeys"/>: a warning at
    /// start-up names the new key of each in use, and a legacy key set to another value than its new key fails start-up),
    /// the reverse proxy (routes and cluster from the <c>ReverseProxy</c> section when it has clusters, otherwise
    /// generated from <c>Upstream:Url</c>), the search rewrite transform, one shared <see cref="ElasticsearchClient"/> and
    /// the <see cref="UpstreamClient"/> over it, and for <c>Upstream:Url = embedded</c> the embedded store reached
    /// in-process by both.
    /// </summary>
    public static IHostApplicationBuilder AddUpstream(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<UpstreamOptions>()
            .BindConfiguration(UpstreamOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => UpstreamLegacyKeys.Apply(options, configuration))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UpstreamOptions>, UpstreamLegacyKeysValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, UpstreamLegacyKeysWarning>());
        var options = builder.Configuration.GetSection(UpstreamOptions.SectionName).Get<UpstreamOptions>() ?? new UpstreamOptions();
        UpstreamLegacyKeys.Apply(options, builder.Configuration);

        // Bulk bodies of any size stream through; the rewrite transform bounds what it buffers itself.
        services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = null);
        services.AddIndices();
        services.TryAddSingleton<CatalogChangeSignal>();
        services.TryAddSingleton(UpstreamClientFactory.Create);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new UpstreamClient(sp.GetRequiredService<ElasticsearchClient>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SearchRewriteTransform>();

        var proxy = services.AddReverseProxy();
        var proxySection = builder.Configuration.GetSection("ReverseProxy");
        if (proxySection.GetSection("Clusters").Exists())
        {
            proxy.LoadFromConfig(proxySection);
        }
        else if (options.IsEmbedded || options.Nodes.Count > 0)
        {
            proxy.LoadFromMemory(UpstreamProxyConfig.Routes(), UpstreamProxyConfig.Clusters(options));
        }

        proxy.AddTransforms<SearchRewriteTransformProvider>();
        services.AddSingleton<IProbingRequestFactory, AuthenticatedProbingRequestFactory>();
        if (options.IsEmbedded)
        {
            services.AddEmbeddedStore();
            services.TryAddSingleton(sp => new EmbeddedUpstream(sp.GetRequiredService<EmbeddedStoreHandler>()));
            services.AddSingleton<IForwarderHttpClientFactory, EmbeddedForwarderHttpClientFactory>();
        }
        else
        {
            services.AddSingleton<IForwarderHttpClientFactory, GatewayForwarderHttpClientFactory>();
        }

        return builder;
    }
}
