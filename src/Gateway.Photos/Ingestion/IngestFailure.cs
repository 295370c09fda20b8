namespace Gateway.Photos.Ingestion;

/// <summary>A file that could not be indexed, and why.</summary>
/// <param name="Album">Album name.</param>
/// <param name="Path">Album-relative path.</param>
/// <param name="Reason">What went wrong (decode error, I/O error, upstream rejection).</param>
public sealed record IngestFailure(string Album, string Path, string Reason);
