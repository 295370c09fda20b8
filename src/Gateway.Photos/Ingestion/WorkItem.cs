namespace Gateway.Photos.Ingestion;

/// <summary>A file to (re)index, with its stored state when it has one.</summary>
internal sealed record WorkItem(PhotoFile File, StoredPhoto? Stored);

/// <summary>What a worker produced for one file: an NDJSON action + body pair, or a failure; <paramref name="StopsRun"/>
/// when the failure is not the file's but the whole run's (the model became unavailable).</summary>
internal sealed record WorkOutput(PhotoFile File, string? Action, string? Body, string? Failure, bool Embedded, bool StopsRun = false);
