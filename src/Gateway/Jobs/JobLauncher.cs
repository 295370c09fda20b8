using Gateway.Albums;
using Hangfire;

namespace Gateway.Jobs;

/// <summary>Validates and enqueues jobs (for the API and the admin pages), refusing a second writer for an album and a
/// second catalog build, across every gateway sharing the job storage (the check and the enqueue happen under a
/// Hangfire distributed lock).</summary>
internal sealed class JobLauncher(IBackgroundJobClient client, JobProgressStore progress, AlbumRegistry registry, JobStorage storage)
{

    /// <summary>Enqueues a job. Returns the job id, or an error (status 400 for bad input, 409 when the album is busy).</summary>
    public (string? JobId, int Status, string? Error) Start(string? kind, string? album, bool force)
    {
        if (kind is null || !JobKinds.All.Contains(kind))
        {
            return (null, 400, $"unknown job type [{kind}]; expected one of [{string.Join(", ", JobKinds.All)}]");
        }

        var albums = registry.All().Select(a => a.Name).ToList();
        if (kind == JobKinds.IncrementalScan && (album is null || !albums.Contains(album)))
        {
            return (null, 400, $"job [{kind}] needs an [album], one of [{string.Join(", ", albums)}]");
        }

        if (kind != JobKinds.IncrementalScan)
        {
            album = null;
        }

        using var connection = storage.GetConnection();
        using (connection.AcquireDistributedLock("gateway:launch", TimeSpan.FromSeconds(30)))
        {
            var touchesAlbums = kind is not (JobKinds.CatalogRebuild or JobKinds.ReferenceCandidates);
            if (kind == JobKinds.CatalogRebuild && progress.ActiveOfKind(JobKinds.CatalogRebuild) is { } building)
            {
                return (null, 409, $"job [{building.JobId}] ({building.Kind}) is {building.State}: one catalog build at a time");
            }

            if (touchesAlbums && progress.ActiveFor(album) is { } busy)
            {
                return (null, 409, $"job [{busy.JobId}] ({busy.Kind}{(busy.Album is null ? "" : " " + busy.Album)}) is {busy.State}: one reindex per album at a time");
            }

            var id = kind switch
            {
                JobKinds.CatalogRebuild => client.Enqueue<GatewayJobs>(j => j.RebuildCatalogAsync(force, JobCancellationToken.Null, null)),
                JobKinds.IncrementalScan => client.Enqueue<GatewayJobs>(j => j.ScanAlbumAsync(album!, JobCancellationToken.Null, null)),
                JobKinds.FullReindex => client.Enqueue<GatewayJobs>(j => j.FullReindexAsync(JobCancellationToken.Null, null)),
                JobKinds.ReferenceCandidates => client.Enqueue<ReferenceCandidatesJob>(j => j.ProposeAsync(JobCancellationToken.Null, null)),
                _ => client.Enqueue<GatewayJobs>(j => j.ReindexAfterModelChangeAsync(JobCancellationToken.Null, null)),
            };
            progress.Enqueued(id, kind, album);
            return (id, 202, null);
        }
    }

    /// <summary>Cancels a job and its chunk jobs (Hangfire deletes them; a running job sees its cancellation token fire,
    /// on whichever gateway it runs).</summary>
    public bool Cancel(string jobId)
    {
        var chunks = StoredPlan.Read(storage, jobId)?.ChunkIds ?? [];
        var deleted = client.Delete(jobId);
        foreach (var chunk in chunks)
        {
            client.Delete(chunk);
        }

        return deleted;
    }
}
