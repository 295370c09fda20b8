using Gateway.Embeddings.Service;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Models;

/// <summary>
/// On start-up, when the configured model's files are missing and <see cref="ModelDownloadOptions.AutoDownload"/> is on,
/// fetches them in the background (the host keeps starting and serving everything else), logs progress about every
/// 10 %, publishes state through <see cref="ModelDownloadMonitor"/>, and asks the embedding service to load the model
/// once the files are verified. Offline, it logs which URLs to fetch by hand and where to put the files.
/// </summary>
internal sealed class ModelAutoDownloader(
    IOptions<ModelDownloadOptions> options,
    IOptions<EmbeddingOptions> embedding,
    ModelStore store,
    ModelDownloadMonitor monitor,
    IEmbeddingService service,
    TimeProvider time,
    ILogger<ModelAutoDownloader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var id = embedding.Value.ModelId;
        var directory = embedding.Value.ResolveModelDirectory();
        var model = store.Manifest.Find(id);
        if (model is null)
        {
            ModelLog.NotInManifest(logger, id, options.Value.ManifestPath, directory);
            return;
        }
        var files = model.FilesFor(embedding.Value.EffectiveVisionModelFile, embedding.Value.EffectiveTextModelFile);
        var missing = ModelStore.Missing(directory, files);
        if (missing.Count == 0)
        {
            return;
        }
        if (!options.Value.AutoDownload)
        {
            ModelLog.AutoDownloadOff(logger, id);
            return;
        }
        ModelLog.FetchStarting(logger, id, missing.Count, directory);
        var started = time.GetTimestamp();
        var progress = new ModelDownloadReporter(monitor, logger, id, missing.Count);
        monitor.Set(new EmbeddingModelStatus(EmbeddingModelState.Downloading, id, 0, $"downloading {missing.Count} file(s) into {directory}"));
        try
        {
            await store.DownloadAsync(model, directory, missing, progress, stoppingToken).ConfigureAwait(false);
        }
        catch (ModelDownloadException ex)
        {
            var detail = ex.Message.Contains("by hand", StringComparison.Ordinal)
                ? ex.Message
                : ex.Message + Environment.NewLine + store.OfflineInstructions(model, directory, ModelStore.Missing(directory, files));
            monitor.Set(new EmbeddingModelStatus(EmbeddingModelState.Missing, id, 0, detail));
            ModelLog.FetchFailed(logger, id, detail, ex);
            return;
        }
        ModelLog.FetchDone(logger, id, time.GetElapsedTime(started).TotalSeconds);
        monitor.Set(null);
        if (service is SiglipEmbeddingService siglip)
        {
            await Task.Run(siglip.TryLoad, stoppingToken).ConfigureAwait(false);
        }
    }
}
