using System.Collections.Concurrent;

namespace Gateway.Jobs;

/// <summary>One writer per album: a scan holds its album, a full reindex holds every album (taken in name order, so
/// two reindexes cannot deadlock). Waiting jobs queue behind the holder.</summary>
public sealed class AlbumLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Waits for every album in <paramref name="albums"/>; dispose the result to release them.</summary>
    public async Task<IDisposable> AcquireAsync(IEnumerable<string> albums, CancellationToken cancellationToken)
    {
        var taken = new List<SemaphoreSlim>();
        try
        {
            foreach (var album in albums.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var gate = _locks.GetOrAdd(album, _ => new SemaphoreSlim(1, 1));
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                taken.Add(gate);
            }

            return new Release(taken);
        }
        catch
        {
            new Release(taken).Dispose();
            throw;
        }
    }

    private sealed class Release(List<SemaphoreSlim> taken) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                foreach (var gate in taken)
                {
                    gate.Release();
                }
            }
        }
    }
}
