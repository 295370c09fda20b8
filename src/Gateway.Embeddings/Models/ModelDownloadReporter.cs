using Microsoft.Extensions.Logging;

namespace Gateway.Embeddings.Models;

/// <summary>
/// Progress of a background fetch of <paramref name="fileCount"/> files of model <paramref name="modelId"/>: published
/// through <see cref="ModelDownloadMonitor"/> (health, the admin's progress bar) and logged about every 10 % per file.
/// Calls back on the reporting thread (unlike <see cref="Progress{T}"/>, which posts to the thread pool out of order).
/// </summary>
internal sealed class ModelDownloadReporter(ModelDownloadMonitor monitor, ILogger logger, string modelId, int fileCount) : IProgress<DownloadProgress>
{
    private int _fileIndex;
    private string? _currentFile;
    private int _lastDecile = -1;

    public void Report(DownloadProgress value)
    {
        if (value.File != _currentFile)
        {
            (_currentFile, _lastDecile) = (value.File, -1);
            _fileIndex++;
        }

        var line = $"file {_fileIndex} of {fileCount}: {DownloadProgressText.Format(value)}";
        monitor.Set(new EmbeddingModelStatus(EmbeddingModelState.Downloading, modelId, 0, "downloading " + line), value);
        var decile = value.BytesTotal is > 0 and { } total ? (int)(value.BytesDone * 10 / total) : 0;
        if (decile > _lastDecile || value.Completed)
        {
            _lastDecile = decile;
            ModelLog.FetchProgress(logger, line);
        }
    }
}
