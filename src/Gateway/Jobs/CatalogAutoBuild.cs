using Gateway.Embeddings;
using Microsoft.Extensions.Options;

namespace Gateway.Jobs;

/// <summary>
/// No hidden step between start-up and identified photos: once the embedding model is ready, when the catalog index is
/// missing or older than the catalog file or the model (see <see cref="CatalogBuildStamp"/>), a catalog rebuild job
/// starts by itself (listed with the other jobs). Off with <c>Jobs:BuildCatalogWhenReady = false</c>.
/// </summary>
internal sealed class CatalogAutoBuild(
    IEmbeddingService embeddings,
    IOptions<JobsOptions> options,
    CatalogBuilder builder,
    JobLauncher launcher,
    TimeProvider time,
    ILogger<CatalogAutoBuild> logger) : BackgroundService
{

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

            var reason = await builder.WhyRebuildAsync(stoppingToken).ConfigureAwait(false);
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
}
