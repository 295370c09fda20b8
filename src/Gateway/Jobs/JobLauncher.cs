using Gateway.Albums;
using Hangfire;

namespace Gateway.Jobs;

/// <summary>Validates and enqueues jobs (for the API and the admin pages), refusing a second writer for an album.</summary>
public sealed class JobLauncher(IBackgroundJobClient client, JobProgressStore progress, AlbumRegistry registry)
{
    private readonly Lock _lock = new();

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

        lock (_lock)
        {
            var touchesAlbums = kind is not (JobKinds.CatalogRebuild or JobKinds.ReferenceCandidates);
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

    /// <summary>Cancels a job (Hangfire deletes it; a running job sees its cancellation token fire).</summary>
    public bool Cancel(string jobId) => client.Delete(jobId);
}
