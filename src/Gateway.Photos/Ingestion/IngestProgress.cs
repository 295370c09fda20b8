namespace Gateway.Photos.Ingestion;

/// <summary>Progress of an ingestion run.</summary>
/// <param name="Total">Files found.</param>
/// <param name="Done">Files finished (indexed, unchanged, or failed).</param>
/// <param name="Indexed">Files embedded and written.</param>
/// <param name="Failed">Files that failed.</param>
/// <param name="PhotosPerSecond">Embedded photos per second since the run started.</param>
/// <param name="Phase">What the run is doing: scanning, indexing, deleting, swapping, done.</param>
public sealed record IngestProgress(int Total, int Done, int Indexed, int Failed, double PhotosPerSecond, string Phase);
