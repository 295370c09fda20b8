using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Gateway.Upstream;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Builds the one <see cref="ElasticsearchClient"/> that the gateway's own features share.</summary>
internal static class UpstreamClientFactory
{
    public static ElasticsearchClient Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<UpstreamOptions>>().Value;
        var signal = services.GetRequiredService<CatalogChangeSignal>();
        NodePool pool;
        IRequestInvoker invoker;
        if (options.IsEmbedded)
        {
            var embedded = services.GetRequiredService<EmbeddedUpstream>();
            pool = new SingleNodePool(EmbeddedUpstream.Address);
            invoker = new HttpRequestInvoker((_, _) => new CatalogObservingHandler(signal, embedded.Handler, disposeInner: false));
        }
        else
        {
            var nodes = options.Nodes;
            pool = nodes.Count == 1 ? new SingleNodePool(nodes[0]) : new StaticNodePool(nodes);
            invoker = new HttpRequestInvoker((inner, _) => new CatalogObservingHandler(signal, inner, disposeInner: true));
        }

        var settings = new ElasticsearchClientSettings(pool, invoker);
        if (options.IsEmbedded)
        {
            // In-process there is no network to save: the client's default gzip of every request
            // (and the store's gunzip) took two thirds of the CPU of a bulk load (docs/embedded-store.md).
            settings.EnableHttpCompression(false);
        }

        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            settings.Authentication(new ApiKey(options.ApiKey));
        }
        else if (!string.IsNullOrEmpty(options.ClientUsername))
        {
            settings.Authentication(new BasicAuthentication(options.ClientUsername, options.ClientPassword ?? ""));
        }

        if (!string.IsNullOrEmpty(options.CertificateFingerprint))
        {
            settings.CertificateFingerprint(options.CertificateFingerprint);
        }

        return new ElasticsearchClient(settings);
    }
}
