using Gateway.EmbeddedStore;
using Gateway.EmbeddedStore.Hosting;
using Gateway.EmbeddedStore.Search;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedded Elasticsearch-compatible store.</summary>
public static class EmbeddedStoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the embedded store: <see cref="EmbeddedStoreOptions"/> bound to section
    /// <c>EmbeddedStore</c>, the durable <see cref="EmbeddedStore"/>, its in-process
    /// <see cref="EmbeddedStoreHandler"/>, its <see cref="SearchService"/>, and a hosted
    /// service that also serves the REST API on <see cref="EmbeddedStoreOptions.ListenUrl"/> when set.
    /// </summary>
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<EmbeddedStoreOptions>()
            .BindConfiguration(EmbeddedStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SearchService>();
        services.TryAddSingleton(sp => EmbeddedStore.Open(
            sp.GetRequiredService<IOptions<EmbeddedStoreOptions>>().Value,
            sp.GetRequiredService<SearchService>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new EmbeddedStoreHandler(sp.GetRequiredService<EmbeddedStore>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EmbeddedStoreListener>());
        return services;
    }
}
