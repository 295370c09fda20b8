namespace Gateway.Photos.Ingestion;

/// <summary>A slice of a run's files that one worker indexes into <paramref name="Index"/> (see <see cref="IngestPlan.Chunks"/>).</summary>
/// <param name="Index">The concrete index to write.</param>
/// <param name="Files">The files of this slice.</param>
public sealed record IngestChunk(string Index, IReadOnlyList<PlannedFile> Files);
