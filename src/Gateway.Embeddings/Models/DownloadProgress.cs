namespace Gateway.Embeddings.Models;

/// <summary>Progress of one file download.</summary>
/// <param name="File">The file's path inside the model folder.</param>
/// <param name="BytesDone">Bytes on disk so far (including a resumed part).</param>
/// <param name="BytesTotal">Total bytes when the server said, else null.</param>
/// <param name="BytesPerSecond">Recent transfer rate.</param>
/// <param name="Eta">Estimated time left, when the total is known and bytes are flowing.</param>
/// <param name="Completed">True on the last report for the file.</param>
public readonly record struct DownloadProgress(string File, long BytesDone, long? BytesTotal, double BytesPerSecond, TimeSpan? Eta, bool Completed);
