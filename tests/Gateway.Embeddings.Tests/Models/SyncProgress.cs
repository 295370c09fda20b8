using Gateway.Embeddings.Models;

namespace Gateway.Embeddings.Tests.Models;

/// <summary>An <see cref="IProgress{T}"/> that records on the reporting thread, in order.</summary>
internal sealed class SyncProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
{
    public void Report(DownloadProgress value) => report(value);
}
