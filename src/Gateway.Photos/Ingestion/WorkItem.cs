namespace Gateway.Photos.Ingestion;

/// <summary>A file to (re)index, with its stored state when it has one.</summary>
internal sealed record WorkItem(PhotoFile File, StoredPhoto? Stored);

/// <summary>What a worker produced for one file: an NDJSON action + body pair, or a failure.</summary>
internal sealed record WorkOutput(PhotoFile File, string? Action, string? Body, string? Failure, bool Embedded);
