namespace Gateway.Jobs;

/// <summary>One chunk job of an album scan or full reindex, as the chunk records it for its coordinator.</summary>
/// <param name="Chunk">The chunk's number within its run (0-based).</param>
/// <param name="JobId">The chunk's Hangfire job id.</param>
/// <param name="State">running, succeeded or failed.</param>
/// <param name="Files">Files in the chunk.</param>
/// <param name="Done">Files finished (including failed ones).</param>
/// <param name="Indexed">Files embedded and written.</param>
/// <param name="Failed">Files that failed.</param>
/// <param name="Worker">The gateway running it (<see cref="WorkerIdentity"/>).</param>
/// <param name="Error">Why the chunk failed, when it did.</param>
/// <param name="Failures">The files of the chunk that failed, and why.</param>
internal sealed record ChunkProgress(int Chunk, string JobId, string State, int Files, int Done, int Indexed, int Failed, string Worker, string? Error, IReadOnlyList<Gateway.Photos.Ingestion.IngestFailure> Failures);
