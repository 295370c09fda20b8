using Gateway.Embeddings;
using Gateway.Embeddings.Service;
using Gateway.Hosting;
using Gateway.Peaks;
using Gateway.Peaks.Catalog;
using Gateway.Upstream;
using Microsoft.Extensions.Options;

namespace Gateway.Jobs;

/// <summary>
/// No hidden step between start-up and identified photos: once the embedding model is ready, when the catalog index is
/// missing or older than the catalog file or the model (see <see cref="CatalogBuildStamp"/>), a catalog rebuild job
/// starts by itself (listed with the other jobs). Off with <c>Jobs:BuildCatalogWhenReady = false</c>.
/// </summary>
internal sealed class CatalogAutoBuild(
    IEmbeddingService embeddings,
    IOptions<EmbeddingOptions> embeddingOptions,
    IOptions<JobsOptions> options,
    PeakCatalog catalog,
    PeakCatalogIndexer indexer,
    UpstreamClient upstream,
    JobLauncher launcher,
    GatewayFolders folders,
    TimeProvider time,
    ILogger<CatalogAutoBuild> logger) : BackgroundService
{
    /// <summary>The stamp file in the data folder.</summary>
    public static string StampPath(GatewayFolders folders) => folders.Data("catalog-build.json");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BuildCatalogWhenReady)
        {
            return;
        }

        try
        {
            // The model loads (or downloads) in the background; poll its state rather than hold a request open.
            while (embeddings.Status.State != EmbeddingModelState.Ready)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
            }

            var reason = await WhyRebuildAsync(stoppingToken).ConfigureAwait(false);
            if (reason is null)
            {
                return;
            }

            var (jobId, _, error) = launcher.Start(JobKinds.CatalogRebuild, null, force: false);
            JobsLog.CatalogAutoBuild(logger, reason, jobId ?? "-", error ?? "started");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before the model was ready.
        }
    }

    private async Task<string?> WhyRebuildAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(catalog.FilePath))
        {
            return null;
        }

        if (!await upstream.ExistsAsync(indexer.IndexName, cancellationToken).ConfigureAwait(false))
        {
            return $"the catalog index '{indexer.IndexName}' does not exist";
        }

        var now = CatalogBuildStamp.Now(embeddings.Status.ModelId, catalog.FilePath, embeddingOptions.Value.ResolveModelDirectory());
        return CatalogBuildStamp.Read(StampPath(folders)) is { } built && built.Covers(now)
            ? null
            : "the catalog file or the model is newer than the catalog index";
    }
}
