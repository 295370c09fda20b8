namespace Gateway.Photos.Ingestion;

/// <summary>What an ingestion run did.</summary>
/// <param name="Index">The concrete index written.</param>
/// <param name="Albums">The albums scanned.</param>
/// <param name="Total">Image files found.</param>
/// <param name="Indexed">Files embedded and written.</param>
/// <param name="Unchanged">Files skipped because size and time (or content hash) matched the stored document.</param>
/// <param name="Deleted">Documents removed because their file is gone.</param>
/// <param name="Failures">Files that could not be indexed; the run went on without them.</param>
/// <param name="Warnings">Run-level remarks (e.g. no peak catalog, so no predicted peaks).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record IngestResult(
    string Index,
    IReadOnlyList<string> Albums,
    int Total,
    int Indexed,
    int Unchanged,
    int Deleted,
    IReadOnlyList<IngestFailure> Failures,
    IReadOnlyList<string> Warnings,
    TimeSpan Elapsed)
{
    /// <summary>Embedded photos per second of wall time.</summary>
    public double PhotosPerSecond => Elapsed.TotalSeconds > 0 ? Indexed / Elapsed.TotalSeconds : 0;
}
