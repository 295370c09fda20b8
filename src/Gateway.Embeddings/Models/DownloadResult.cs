namespace Gateway.Embeddings.Models;

/// <summary>A verified download.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the file.</param>
/// <param name="Bytes">File size.</param>
/// <param name="Resumed">Whether any part of it came from an earlier, interrupted transfer.</param>
public sealed record DownloadResult(string Sha256, long Bytes, bool Resumed);
