namespace Gateway.Photos.Ingestion;

/// <summary>A file a run must (re)index, in a form that travels in a job's arguments to any gateway.</summary>
/// <param name="Album">Album name.</param>
/// <param name="Root">The album's root folder (absolute), so a worker needs no album list of its own.</param>
/// <param name="RelativePath">Path relative to the root, with '/' separators.</param>
/// <param name="StoredHash">The content hash of the stored document when its size matched (a touched copy is then
/// only re-dated, not re-embedded); null for new or resized files.</param>
public sealed record PlannedFile(string Album, string Root, string RelativePath, string? StoredHash);
