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
        var fileIndex = 0;
        string? currentFile = null;
        var lastDecile = -1;
        var progress = new InlineProgress(p =>
        {
            if (p.File != currentFile)
            {
                (currentFile, lastDecile) = (p.File, -1);
                fileIndex++;
            }
            var line = $"file {fileIndex} of {missing.Count}: {DownloadProgressText.Format(p)}";
            monitor.Set(new EmbeddingModelStatus(EmbeddingModelState.Downloading, id, 0, "downloading " + line), p);
            var decile = p.BytesTotal is > 0 and { } total ? (int)(p.BytesDone * 10 / total) : 0;
            if (decile > lastDecile || p.Completed)
            {
                lastDecile = decile;
                ModelLog.FetchProgress(logger, line);
            }
        });
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

    /// <summary>Calls back on the reporting thread (unlike <see cref="Progress{T}"/>, which posts to the thread pool out of order).</summary>
    private sealed class InlineProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
