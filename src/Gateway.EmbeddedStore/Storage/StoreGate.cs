namespace Gateway.EmbeddedStore.Storage;

/// <summary>
/// Lets many writers mutate state and append to the translog concurrently (shared mode) while a
/// snapshot briefly stops them all (exclusive mode) to cut the translog at a consistent point.
/// </summary>
internal sealed class StoreGate : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);

    public Releaser Shared()
    {
        _lock.EnterReadLock();
        return new Releaser(_lock, exclusive: false);
    }

    public Releaser Exclusive()
    {
        _lock.EnterWriteLock();
        return new Releaser(_lock, exclusive: true);
    }

    public void Dispose() => _lock.Dispose();

    public readonly struct Releaser(ReaderWriterLockSlim gate, bool exclusive) : IDisposable
    {
        public void Dispose()
        {
            if (exclusive)
            {
                gate.ExitWriteLock();
            }
            else
            {
                gate.ExitReadLock();
            }
        }
    }
}
