using Gateway.Embeddings;
using Gateway.Embeddings.Images;
using Gateway.Embeddings.Service;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the shared SigLIP-2 embedding service.</summary>
public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IEmbeddingService"/> (one <see cref="SiglipEmbeddingService"/>), <see cref="PromptEmbedder"/>, the
    /// options sections <c>Embeddings</c>, <c>Embeddings:Prompts</c> and <c>Embeddings:Images</c>, and a hosted service
    /// that loads the model at start-up when its files are present.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(SiglipEmbeddingService)))
        {
            // Binding the options twice would append configured arrays (templates) to themselves.
            return services;
        }

        services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImageDecodeOptions>().BindConfiguration(ImageDecodeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SiglipEmbeddingService>();
        services.TryAddSingleton<IEmbeddingService>(sp => sp.GetRequiredService<SiglipEmbeddingService>());
        services.TryAddSingleton<PromptEmbedder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EmbeddingModelWarmup>());
        return services;
    }
}
