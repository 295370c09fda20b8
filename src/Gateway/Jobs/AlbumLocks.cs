using System.Globalization;
using Hangfire;
using Hangfire.Storage;

namespace Gateway.Jobs;

/// <summary>
/// One writer per album, across every gateway sharing the job storage: a scan holds its album, a full reindex every
/// album. A hold is a lease in the storage (one hash per album naming its holder), taken and released under a short
/// Hangfire distributed lock. A job's lease lasts while the job is not finished in Hangfire, so a job that runs again
/// after its gateway died takes its own lease back, and a lease of a job that is gone frees itself. Waiting jobs poll
/// until the album is free.
/// </summary>
internal sealed class AlbumLocks(JobStorage storage, TimeProvider time)
{
    // Holds by something other than a job (deleting an album's documents) last at most this long if their gateway dies.
    private static readonly TimeSpan OperationLease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>Waits for every album in <paramref name="albums"/> for an operation outside a job; dispose the result to release them.</summary>
    public Task<IDisposable> AcquireAsync(IEnumerable<string> albums, CancellationToken cancellationToken) =>
        AcquireAsync(null, albums, cancellationToken);

    /// <summary>Waits for every album in <paramref name="albums"/> on behalf of Hangfire job <paramref name="jobId"/>
    /// (null: an operation outside a job); dispose the result to release them.</summary>
    public async Task<IDisposable> AcquireAsync(string? jobId, IEnumerable<string> albums, CancellationToken cancellationToken)
    {
        var wanted = albums.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var owner = jobId is null ? "op:" + Guid.NewGuid().ToString("N") : "job:" + jobId;
        while (!TryTake(owner, wanted))
        {
            await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
        }

        return new Release(this, owner, wanted);
    }

    private bool TryTake(string owner, IReadOnlyList<string> albums)
    {
        if (albums.Count == 0)
        {
            return true;
        }

        using var connection = storage.GetConnection();
        using (connection.AcquireDistributedLock("gateway:album-leases", TimeSpan.FromSeconds(30)))
        {
            foreach (var album in albums)
            {
                if (Holder(connection, album) is { } holder && holder.Owner != owner && IsLive(connection, holder.Owner, holder.Since))
                {
                    return false;
                }
            }

            using var transaction = connection.CreateWriteTransaction();
            var since = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            foreach (var album in albums)
            {
                transaction.SetRangeInHash(Key(album), [new("owner", owner), new("since", since)]);
            }

            transaction.Commit();
            return true;
        }
    }

    private void Free(string owner, IReadOnlyList<string> albums)
    {
        if (albums.Count == 0)
        {
            return;
        }

        using var connection = storage.GetConnection();
        using (connection.AcquireDistributedLock("gateway:album-leases", TimeSpan.FromSeconds(30)))
        {
            using var transaction = connection.CreateWriteTransaction();
            foreach (var album in albums.Where(a => Holder(connection, a)?.Owner == owner))
            {
                transaction.RemoveHash(Key(album));
            }

            transaction.Commit();
        }
    }

    private bool IsLive(IStorageConnection connection, string owner, long since)
    {
        if (owner.StartsWith("job:", StringComparison.Ordinal))
        {
            return connection.GetStateData(owner[4..])?.Name is { } state && state is not ("Succeeded" or "Failed" or "Deleted");
        }

        return time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(since) < OperationLease;
    }

    private static (string Owner, long Since)? Holder(IStorageConnection connection, string album) =>
        connection.GetAllEntriesFromHash(Key(album)) is { } entries && entries.TryGetValue("owner", out var owner)
            ? (owner, entries.TryGetValue("since", out var since) ? long.Parse(since, CultureInfo.InvariantCulture) : 0)
            : null;

    private static string Key(string album) => "gateway:album-lease:" + album;

    private sealed class Release(AlbumLocks locks, string owner, IReadOnlyList<string> albums) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                locks.Free(owner, albums);
            }
        }
    }
}
