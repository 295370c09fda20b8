using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Jobs;

/// <summary>
/// Progress of every job, for <c>/_gateway/jobs</c>, the admin and the CLI, kept in the Hangfire storage (a set of job
/// ids and one hash per job; one hash of chunk records per chunked run) so that every gateway sharing the storage
/// sees every job, whichever gateway enqueued or runs it. Only public storage operations are used, so it works on
/// InMemory, SQLite and PostgreSQL alike.
/// </summary>
internal sealed class JobProgressStore(JobStorage storage, IOptions<JobsOptions> options, TimeProvider time)
{
    private const string JobsSet = "gateway:jobs";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Every known job, newest first.</summary>
    public IReadOnlyList<JobProgress> List()
    {
        using var connection = storage.GetConnection();
        return connection.GetAllItemsFromSet(JobsSet)
            .Select(id => Read(connection, id))
            .OfType<JobProgress>()
            .OrderByDescending(j => j.EnqueuedAt)
            .ToList();
    }

    /// <summary>One job, or null.</summary>
    public JobProgress? Get(string jobId)
    {
        using var connection = storage.GetConnection();
        return Read(connection, jobId);
    }

    /// <summary>The active job that holds <paramref name="album"/> (a scan of it, or any full reindex), if any.</summary>
    public JobProgress? ActiveFor(string? album) => List().FirstOrDefault(j =>
        j.IsActive && (j.Kind is JobKinds.FullReindex or JobKinds.ReindexAfterModelChange || album is null || j.Album == album));

    /// <summary>The active job of <paramref name="kind"/>, if any.</summary>
    public JobProgress? ActiveOfKind(string kind) => List().FirstOrDefault(j => j.IsActive && j.Kind == kind);

    /// <summary>Whether Hangfire deleted the job (cancelled), as opposed to this gateway shutting down under it.</summary>
    public bool IsDeleted(string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name == "Deleted";
    }

    /// <summary>Records a newly enqueued job.</summary>
    public void Enqueued(string jobId, string kind, string? album)
    {
        using var connection = storage.GetConnection();
        using (connection.AcquireDistributedLock(JobKey(jobId), LockTimeout))
        {
            // The job may already have started (and recorded itself) before the enqueuer gets here.
            if (Stored(connection, jobId) is null)
            {
                Write(connection, new JobProgress { JobId = jobId, Kind = kind, Album = album, State = "enqueued", EnqueuedAt = time.GetUtcNow() });
            }
        }

        Trim(connection);
    }

    /// <summary>Applies <paramref name="change"/> to a job's record (creating it when the job was enqueued elsewhere, e.g. by a schedule).
    /// Only the gateway running a job changes an existing record, so read-then-write needs no lock.</summary>
    public JobProgress Update(string jobId, string kind, string? album, Func<JobProgress, JobProgress> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var connection = storage.GetConnection();
        if (Stored(connection, jobId) is { } existing)
        {
            var changed = change(existing);
            Write(connection, changed);
            return changed;
        }

        // The first write of a record races the enqueuer's (another connection, perhaps another gateway), and a first
        // insert into a storage hash is not atomic everywhere (PostgreSQL answers a unique violation): create under a lock.
        using (connection.AcquireDistributedLock(JobKey(jobId), LockTimeout))
        {
            var created = change(Stored(connection, jobId) ?? new JobProgress { JobId = jobId, Kind = kind, Album = album, State = "enqueued", EnqueuedAt = time.GetUtcNow() });
            Write(connection, created);
            return created;
        }
    }

    /// <summary>Records a chunk's progress under its coordinating job.</summary>
    public void UpdateChunk(string parentJobId, ChunkProgress chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(ChunksKey(parentJobId), [new(chunk.Chunk.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonSerializer.Serialize(chunk, Json))]);
        transaction.Commit();
    }

    /// <summary>The chunk records of a coordinating job, by chunk number.</summary>
    public IReadOnlyList<ChunkProgress> Chunks(string parentJobId)
    {
        using var connection = storage.GetConnection();
        return (connection.GetAllEntriesFromHash(ChunksKey(parentJobId)) ?? [])
            .Select(e => JsonSerializer.Deserialize<ChunkProgress>(e.Value, Json)!)
            .OrderBy(c => c.Chunk)
            .ToList();
    }

    // An active record whose Hangfire job was deleted (cancelled while no gateway ran it) or failed without recording
    // it (its gateway died) says so, instead of holding its album for ever.
    private static JobProgress? Read(IStorageConnection connection, string jobId)
    {
        var job = Stored(connection, jobId);
        if (job is not { IsActive: true })
        {
            return job;
        }

        return connection.GetStateData(jobId)?.Name switch
        {
            "Deleted" => job with { State = "cancelled", Phase = "cancelled" },
            "Failed" => job with { State = "failed", Phase = "failed" },
            _ => job,
        };
    }

    private static JobProgress? Stored(IStorageConnection connection, string jobId) =>
        connection.GetAllEntriesFromHash(JobKey(jobId)) is { } entries && entries.TryGetValue("json", out var json)
            ? JsonSerializer.Deserialize<JobProgress>(json, Json)
            : null;

    private static void Write(IStorageConnection connection, JobProgress job)
    {
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(JobKey(job.JobId), [new("json", JsonSerializer.Serialize(job, Json))]);
        transaction.AddToSet(JobsSet, job.JobId, job.EnqueuedAt.ToUnixTimeMilliseconds());
        transaction.Commit();
    }

    private void Trim(IStorageConnection connection)
    {
        var finished = connection.GetAllItemsFromSet(JobsSet)
            .Select(id => Stored(connection, id))
            .OfType<JobProgress>()
            .Where(j => !j.IsActive)
            .OrderByDescending(j => j.EnqueuedAt)
            .Skip(options.Value.History)
            .ToList();
        if (finished.Count == 0)
        {
            return;
        }

        using var transaction = connection.CreateWriteTransaction();
        foreach (var job in finished)
        {
            transaction.RemoveFromSet(JobsSet, job.JobId);
            transaction.RemoveHash(JobKey(job.JobId));
            transaction.RemoveHash(ChunksKey(job.JobId));
        }

        transaction.Commit();
    }

    private static string JobKey(string jobId) => "gateway:job:" + jobId;

    private static string ChunksKey(string jobId) => "gateway:chunks:" + jobId;
}
