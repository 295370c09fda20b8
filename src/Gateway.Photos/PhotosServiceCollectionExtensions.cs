using Gateway.Photos.Ingestion;
using Gateway.Upstream;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers photo ingestion.</summary>
public static class PhotosServiceCollectionExtensions
{
    /// <summary>Adds <see cref="PhotosOptions"/> (section <c>Photos</c>, the alias from <c>Indices:Photos</c>) and <see cref="PhotoIngestor"/>. Needs
    /// <c>AddEmbeddings()</c> and <c>AddPeakCatalog()</c>.</summary>
    public static IServiceCollection AddPhotoIngestion(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(PhotoIngestor)))
        {
            // Binding twice would append the configured albums twice.
            return services;
        }

        services.AddIndices();
        services.AddOptions<PhotosOptions>().BindConfiguration(PhotosOptions.SectionName)
            .Configure<IOptions<GatewayIndicesOptions>>((options, indices) => options.Alias = indices.Value.Photos)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PhotoIngestor>();
        return services;
    }
}
