using Gateway.EmbeddedStore;
using Gateway.Embeddings.Models;
using Gateway.Embeddings.Service;
using Gateway.Hosting;
using Gateway.Jobs;
using Gateway.Peaks.Catalog;
using Gateway.Ui;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Resolves every file setting against the app folder (shipped files) or the data folder (written files).</summary>
internal static class GatewayFoldersServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="GatewayFolders"/> (from <c>Gateway:DataFolder</c>) and rewrites relative file settings to absolute
    /// ones: <c>Embeddings:Download:ManifestPath</c> against the app folder; the embedded store, models, the editable
    /// catalog (seeded from the shipped one), the SQLite job storage and the thumbnail cache against the data folder; the model variant an admin chose
    /// (<c>model-variant.json</c> in the data folder) overrides <c>Embeddings:Variant</c>.
    /// An absolute setting is kept as it is. Logs the resolved folders at start-up.
    /// </summary>
    public static IServiceCollection AddGatewayFolders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(GatewayFolders)))
        {
            // Post-configuring twice would be harmless but log the seeding twice.
            return services;
        }

        services.TryAddSingleton(sp => GatewayFolders.From(sp.GetRequiredService<IConfiguration>()));
        services.AddOptions<EmbeddedStoreOptions>().PostConfigure<GatewayFolders>((o, f) => o.DataPath = f.Data(o.DataPath));
        services.AddOptions<ModelDownloadOptions>().PostConfigure<GatewayFolders>((o, f) =>
        {
            o.ManifestPath = f.App(o.ManifestPath);
            o.ModelsRoot = f.Data(o.ModelsRoot);
        });
        services.AddOptions<EmbeddingOptions>().PostConfigure<GatewayFolders, Options.IOptions<ModelDownloadOptions>>((o, f, download) =>
            o.ModelDirectory = o.ModelDirectory is { Length: > 0 } configured
                ? f.Data(configured)
                : Path.Combine(download.Value.ModelsRoot, Path.Combine(o.ModelId.Split('/'))));
        // The export an admin chose on the model page overrides configuration (ModelVariantSwitcher keeps it there).
        services.TryAddSingleton(sp => new ModelVariantFile(sp.GetRequiredService<GatewayFolders>().Data("model-variant.json")));
        services.AddOptions<EmbeddingOptions>().PostConfigure<ModelVariantFile>((o, file) =>
        {
            if (file.Read() is { } chosen)
            {
                (o.Variant, o.VisionModelFile, o.TextModelFile) = (chosen, null, null);
            }
        });
        services.AddOptions<PeaksOptions>().PostConfigure<GatewayFolders, ILoggerFactory>((o, f, logs) =>
        {
            o.CatalogPath = f.Data(o.CatalogPath);
            if (EditableCatalog.EnsureSeeded(f.ShippedCatalog, o.CatalogPath))
            {
                FoldersLog.CatalogSeeded(logs.CreateLogger<GatewayFolders>(), o.CatalogPath, f.ShippedCatalog);
            }
        });
        services.AddOptions<JobsOptions>().PostConfigure<GatewayFolders>((o, f) => o.SqlitePath = f.Data(o.SqlitePath));
        services.AddOptions<UiOptions>().PostConfigure<GatewayFolders>((o, f) =>
            o.ThumbnailCacheDirectory = f.Data(string.IsNullOrWhiteSpace(o.ThumbnailCacheDirectory) ? "thumbnails" : o.ThumbnailCacheDirectory));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FoldersStartupLog>());
        return services;
    }
}
