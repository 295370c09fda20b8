namespace Gateway.EmbeddedStore.Storage;

/// <summary>Where changes are made durable: the translog on disk, or nothing for an in-memory store.</summary>
internal interface IStoreLog : IDisposable
{
    /// <summary>Appends a record (buffered); returns the log position after it.</summary>
    long Append(LogRecord record);

    /// <summary>Completes when everything up to <paramref name="position"/> is on stable storage.</summary>
    ValueTask SyncAsync(long position, CancellationToken cancellationToken);

    /// <summary>Bytes appended since the last snapshot.</summary>
    long BytesSinceSnapshot { get; }
}
