using Gateway.Peaks.Catalog;
using Gateway.QueryVectors;
using Gateway.Rewrite;
using Gateway.Upstream;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the query_text / query_image rewriting and the catalog look-ups it needs.</summary>
internal static class SearchRewriteServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RewriteOptions"/> (<c>Gateway:Rewrite</c>, with the photos index and vector fields of <c>Indices</c>), <see cref="CatalogQueryOptions"/> (<c>Gateway:Catalog</c>),
    /// the <see cref="SearchRewriter"/> with the host's vector source and vector-field resolver, and the caller-credential
    /// policy of reads made on a caller's behalf.
    /// Needs <c>AddUpstream</c> (the shared client) and <c>AddEmbeddings</c>.
    /// </summary>
    public static IServiceCollection AddSearchRewrite(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddIndices();
        services.AddOptions<RewriteOptions>().BindConfiguration(RewriteOptions.SectionName)
            .Configure<IOptions<GatewayIndicesOptions>>((options, indices) =>
            {
                var names = indices.Value;
                options.PhotoIndex = names.Photos;
                options.VectorFields.TryAdd(names.Photos, names.PhotosVectorField);
                options.VectorFields.TryAdd(names.Catalog, names.CatalogVectorField);
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CatalogQueryOptions>().BindConfiguration(CatalogQueryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Identification applies the Photos section's rules (range, field of view, geometry mode, unknown threshold).
        services.AddPhotoIngestion();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<CallerCredentials>();
        services.TryAddSingleton<CatalogPrototypeReader>();
        services.TryAddSingleton<PeakCatalog>();
        services.TryAddSingleton<PeakIdentifier>();
        services.TryAddSingleton<PhotoVectorReader>();
        services.TryAddSingleton<IVectorFieldResolver, VectorFieldResolver>();
        services.TryAddSingleton<IQueryVectorSource, QueryVectorSource>();
        services.TryAddSingleton(sp => new SearchRewriter(
            sp.GetRequiredService<IQueryVectorSource>(),
            sp.GetRequiredService<IVectorFieldResolver>(),
            sp.GetRequiredService<IOptions<RewriteOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
