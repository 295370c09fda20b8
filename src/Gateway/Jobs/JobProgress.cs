namespace Gateway.Jobs;

/// <summary>What <c>/_gateway/jobs</c> reports about one job.</summary>
internal sealed record JobProgress
{
    /// <summary>Hangfire job id.</summary>
    public required string JobId { get; init; }

    /// <summary>One of <see cref="JobKinds.All"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The album, for album jobs.</summary>
    public string? Album { get; init; }

    /// <summary>enqueued, running, succeeded, failed or cancelled.</summary>
    public required string State { get; init; }

    /// <summary>What the job is doing now (scanning, indexing, swapping, ...).</summary>
    public string? Phase { get; init; }

    /// <summary>Items to process (photos or peaks).</summary>
    public int Total { get; init; }

    /// <summary>Items finished.</summary>
    public int Done { get; init; }

    /// <summary>Items that failed.</summary>
    public int Failed { get; init; }

    /// <summary>Photos embedded per second.</summary>
    public double Rate { get; init; }

    /// <summary>When the job was enqueued.</summary>
    public DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>When it started running.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>A one-line summary of the result, or the error.</summary>
    public string? Message { get; init; }

    /// <summary>The first failures (path and reason).</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>The gateway that runs (or ran) it, <c>host:pid</c> (see <see cref="WorkerIdentity"/>).</summary>
    public string? Worker { get; init; }

    /// <summary>The recurring schedule that started it, if one did.</summary>
    public string? Schedule { get; init; }

    /// <summary>For an album scan or a full reindex: how many chunk jobs it was split into.</summary>
    public int Chunks { get; init; }

    /// <summary>Chunk jobs finished.</summary>
    public int ChunksDone { get; init; }

    /// <summary>The gateways whose workers ran its chunks.</summary>
    public IReadOnlyList<string> Workers { get; init; } = [];

    /// <summary>True while enqueued or running.</summary>
    public bool IsActive => State is "enqueued" or "running";
}
