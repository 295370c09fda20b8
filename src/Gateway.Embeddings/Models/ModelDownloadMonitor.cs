namespace Gateway.Embeddings.Models;

/// <summary>
/// What the background fetch is doing, for health endpoints and the UI: <c>null</c> when it is not running,
/// <see cref="EmbeddingModelState.Downloading"/> with progress while it runs, <see cref="EmbeddingModelState.Missing"/>
/// with the offline instructions when it could not fetch the files. Thread-safe.
/// </summary>
public sealed class ModelDownloadMonitor
{
    private volatile EmbeddingModelStatus? _current;

    /// <summary>The latest state of the background fetch, or null when none is running or pending.</summary>
    public EmbeddingModelStatus? Current => _current;

    /// <summary>Latest progress of the file being fetched.</summary>
    public DownloadProgress? Progress { get; private set; }

    internal void Set(EmbeddingModelStatus? status, DownloadProgress? progress = null)
    {
        Progress = progress;
        _current = status;
    }
}
