using Gateway.Embeddings.Models;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers model management: manifest, store, downloader and the background fetch.</summary>
public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ModelStore"/>, <see cref="ModelDownloader"/>, <see cref="ModelDownloadMonitor"/>,
    /// <see cref="ModelVariantSwitcher"/>, the options section <c>Embeddings:Download</c>, and the hosted service that fetches a missing model in the background.
    /// Also adds the embedding service itself (<c>AddEmbeddings</c>).
    /// </summary>
    public static IServiceCollection AddEmbeddingModels(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddEmbeddings();
        if (services.Any(d => d.ServiceType == typeof(ModelStore)))
        {
            return services;
        }
        services.AddOptions<ModelDownloadOptions>().BindConfiguration(ModelDownloadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ModelDownloadMonitor>();
        services.TryAddSingleton(sp => new ModelDownloader(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), ConnectTimeout = TimeSpan.FromSeconds(20) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            },
            sp.GetRequiredService<TimeProvider>())
        {
            MaxAttempts = sp.GetRequiredService<IOptions<ModelDownloadOptions>>().Value.MaxAttempts,
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ModelDownloadOptions>>().Value;
            var manifest = ModelManifest.LoadOrBuiltIn(options.ManifestPath);
            if (options.UrlPattern is { Length: > 0 } pattern)
            {
                manifest = manifest with { UrlPattern = pattern };
            }
            return new ModelStore(manifest, options.ModelsRoot, sp.GetRequiredService<ModelDownloader>());
        });
        services.TryAddSingleton<ModelVariantSwitcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ModelAutoDownloader>());
        return services;
    }
}
