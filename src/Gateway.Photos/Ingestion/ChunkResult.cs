namespace Gateway.Photos.Ingestion;

/// <summary>What indexing one <see cref="IngestChunk"/> did.</summary>
/// <param name="Indexed">Files embedded and written.</param>
/// <param name="Done">Files finished without failure (embedded, or re-dated when only their time changed).</param>
/// <param name="Failures">Files that could not be indexed.</param>
public sealed record ChunkResult(int Indexed, int Done, IReadOnlyList<IngestFailure> Failures);
