namespace Gateway.EmbeddedStore.Storage;

/// <summary>The log of an in-memory store: nothing is written.</summary>
internal sealed class NullStoreLog : IStoreLog
{
    public long BytesSinceSnapshot => 0;

    public long Append(LogRecord record) => 0;

    public ValueTask SyncAsync(long position, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void Dispose()
    {
    }
}
