using Elastic.Clients.Elasticsearch;
using Gateway.Peaks;
using Gateway.Peaks.Catalog;
using Gateway.Peaks.References;
using Gateway.Upstream;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the peak catalog.</summary>
public static class PeaksServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PeaksOptions"/> (section <c>Peaks</c>, the catalog and photos index names from <c>Indices</c>), <see cref="PeakCatalog"/> (the catalog file),
    /// <see cref="UpstreamClient"/> over the registered <see cref="ElasticsearchClient"/>, <see cref="PeakCatalogIndexer"/>,
    /// <see cref="AlbumPhotoReader"/>, <see cref="ReferenceCandidateOptions"/> (<c>Peaks:Candidates</c>) and <see cref="ReferenceCandidateFinder"/>.
    /// Needs <c>AddEmbeddings()</c> and an <see cref="ElasticsearchClient"/> registration.
    /// </summary>
    public static IServiceCollection AddPeakCatalog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(PeakCatalogIndexer)))
        {
            return services;
        }

        services.AddIndices();
        services.AddOptions<PeaksOptions>().BindConfiguration(PeaksOptions.SectionName)
            .Configure<IOptions<GatewayIndicesOptions>>((options, indices) =>
            {
                options.IndexName = indices.Value.Catalog;
                options.PhotosIndex = indices.Value.Photos;
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReferenceCandidateOptions>().BindConfiguration(ReferenceCandidateOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PeakCatalog>();
        services.TryAddSingleton(sp => new UpstreamClient(sp.GetRequiredService<ElasticsearchClient>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PeakCatalogIndexer(
            sp.GetRequiredService<UpstreamClient>(),
            sp.GetRequiredService<Gateway.Embeddings.IEmbeddingService>(),
            sp.GetRequiredService<Gateway.Embeddings.Service.PromptEmbedder>(),
            sp.GetRequiredService<IOptions<PeaksOptions>>().Value,
            sp.GetRequiredService<ILogger<PeakCatalogIndexer>>()));
        services.TryAddSingleton(sp => new AlbumPhotoReader(sp.GetRequiredService<UpstreamClient>(), sp.GetRequiredService<IOptions<PeaksOptions>>().Value));
        services.TryAddSingleton(sp => new ReferenceCandidateFinder(
            sp.GetRequiredService<UpstreamClient>(),
            sp.GetRequiredService<IOptions<PeaksOptions>>().Value,
            sp.GetRequiredService<IOptions<ReferenceCandidateOptions>>()));
        return services;
    }
}
