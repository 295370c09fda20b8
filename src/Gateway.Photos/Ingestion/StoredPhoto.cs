namespace Gateway.Photos.Ingestion;

/// <summary>What incremental ingestion needs to know about a stored photo document.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Size">Stored file size.</param>
/// <param name="ModifiedMs">Stored mtime in Unix milliseconds.</param>
/// <param name="ContentHash">Stored content hash.</param>
public sealed record StoredPhoto(string Id, long Size, long ModifiedMs, string? ContentHash);
