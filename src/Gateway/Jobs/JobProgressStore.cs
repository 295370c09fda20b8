using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Gateway.Jobs;

/// <summary>In-process progress of the jobs this gateway enqueued or ran, for <c>/_gateway/jobs</c> and the CLI.</summary>
public sealed class JobProgressStore(IOptions<JobsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, JobProgress> _jobs = new(StringComparer.Ordinal);

    /// <summary>Every known job, newest first.</summary>
    public IReadOnlyList<JobProgress> List() => _jobs.Values.OrderByDescending(j => j.EnqueuedAt).ToList();

    /// <summary>One job, or null.</summary>
    public JobProgress? Get(string jobId) => _jobs.GetValueOrDefault(jobId);

    /// <summary>The active job that holds <paramref name="album"/> (a scan of it, or any full reindex), if any.</summary>
    public JobProgress? ActiveFor(string? album) => _jobs.Values.FirstOrDefault(j =>
        j.IsActive && (j.Kind is JobKinds.FullReindex or JobKinds.ReindexAfterModelChange || album is null || j.Album == album));

    /// <summary>Records a newly enqueued job.</summary>
    public void Enqueued(string jobId, string kind, string? album)
    {
        // The job may already have started (and recorded itself) before the enqueuer gets here.
        _jobs.TryAdd(jobId, new JobProgress { JobId = jobId, Kind = kind, Album = album, State = "enqueued", EnqueuedAt = time.GetUtcNow() });
        Trim();
    }

    /// <summary>Applies <paramref name="change"/> to a job's record (creating it when the job was enqueued elsewhere, e.g. by a schedule).</summary>
    public JobProgress Update(string jobId, string kind, string? album, Func<JobProgress, JobProgress> change) =>
        _jobs.AddOrUpdate(
            jobId,
            id => change(new JobProgress { JobId = id, Kind = kind, Album = album, State = "enqueued", EnqueuedAt = time.GetUtcNow() }),
            (_, old) => change(old));

    private void Trim()
    {
        var finished = _jobs.Values.Where(j => !j.IsActive).OrderByDescending(j => j.EnqueuedAt).Skip(options.Value.History).ToList();
        foreach (var job in finished)
        {
            _jobs.TryRemove(job.JobId, out _);
        }
    }
}
