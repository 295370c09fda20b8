using Gateway.Jobs;
using Gateway.Photos.Ingestion;

namespace Gateway.Albums;

/// <summary>
/// Adds, renames and removes albums for the API and the admin: the list changes in <see cref="AlbumRegistry"/>, a new
/// album's first scan starts at once, and a removed (or renamed) album's documents are deleted while its lock is held.
/// An album with a running or queued job is refused with 409.
/// </summary>
internal sealed class AlbumManager(AlbumRegistry registry, JobLauncher launcher, JobProgressStore progress, AlbumLocks locks, PhotoIngestor ingestor)
{
    /// <summary>Adds the album and starts its first scan; the scan's job id, or the error.</summary>
    public (string? JobId, AlbumError? Error) Add(string? name, string? folder)
    {
        if (registry.Add(name, folder) is { } error)
        {
            return (null, error);
        }

        var (jobId, status, reason) = launcher.Start(JobKinds.IncrementalScan, name, force: false);
        return jobId is null ? (null, new AlbumError(status, "status_exception", "album added, but its scan did not start: " + reason)) : (jobId, null);
    }

    /// <summary>Removes the album and deletes its documents; how many were deleted, or the error.</summary>
    public async Task<(int Deleted, AlbumError? Error)> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        if ((registry.Editable(name) ?? Busy(name)) is { } refused)
        {
            return (0, refused);
        }

        using var held = await locks.AcquireAsync([name], cancellationToken).ConfigureAwait(false);
        var deleted = await ingestor.Store.DeleteAlbumAsync(name, cancellationToken).ConfigureAwait(false);
        if (deleted.Failure is { } failure)
        {
            return (0, new AlbumError(500, "status_exception", $"album [{name}] was not removed: deleting its documents failed: {failure}"));
        }

        return (deleted.Value, registry.Remove(name));
    }

    /// <summary>Renames the album: its documents (whose ids carry the name) are deleted and a scan under the new name starts.</summary>
    public async Task<(string? JobId, AlbumError? Error)> RenameAsync(string name, string? newName, CancellationToken cancellationToken)
    {
        if ((registry.Editable(name) ?? Busy(name)) is { } refused)
        {
            return (null, refused);
        }

        using (await locks.AcquireAsync([name], cancellationToken).ConfigureAwait(false))
        {
            if (registry.Rename(name, newName) is { } error)
            {
                return (null, error);
            }

            if ((await ingestor.Store.DeleteAlbumAsync(name, cancellationToken).ConfigureAwait(false)).Failure is { } failure)
            {
                return (null, new AlbumError(500, "status_exception", $"album renamed, but deleting the documents of [{name}] failed: {failure}"));
            }
        }

        var (jobId, status, reason) = launcher.Start(JobKinds.IncrementalScan, newName, force: false);
        return jobId is null ? (null, new AlbumError(status, "status_exception", "album renamed, but its scan did not start: " + reason)) : (jobId, null);
    }

    private AlbumError? Busy(string name) => progress.ActiveFor(name) is { } job
        ? new AlbumError(409, "status_exception", $"album [{name}] is busy: job [{job.JobId}] ({job.Kind}) is {job.State}; cancel it or wait")
        : null;
}
