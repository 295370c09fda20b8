using System.Buffers;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace Gateway.EmbeddedStore.Storage;

/// <summary>
/// Append-only, checksummed log of changes in generation files (<c>translog-{gen}.tlog</c>).
/// <see cref="Append"/> encodes into an in-memory buffer under a lock and does no I/O;
/// <see cref="SyncAsync"/> implements group commit: one caller takes the whole buffer (swapping in
/// an empty one under the same lock), writes it at the file's end and fsyncs, while concurrent
/// callers wait and share that fsync. Only the sync owner (or <see cref="Roll"/> and
/// <see cref="Dispose"/>, which take the same gate) touches the file.
/// </summary>
/// <remarks>
/// Hand-rolled instead of a buffered <see cref="FileStream"/>: a FileStream's buffer is not
/// thread-safe and reading its <see cref="FileStream.SafeFileHandle"/> flushes that buffer, so an
/// fsync that fetched the handle outside the append lock raced with appends and dropped whole
/// records from the middle of the file (issue 14).
/// </remarks>
internal sealed class Translog : IStoreLog
{
    // A batch buffer that grew past this (a huge bulk) is not kept for reuse.
    private const int KeptBufferBytes = 16 << 20;

    private readonly string _directory;
    private readonly bool _sync;
    private readonly object _appendLock = new();
    private readonly SemaphoreSlim _syncGate = new(1, 1);
    private ArrayBufferWriter<byte> _pending = new(1 << 20);
    private ArrayBufferWriter<byte> _spare = new(1 << 20);
    private SafeFileHandle _file;
    private long _fileLength;
    private long _appended;
    private long _durable;
    private long _snapshotBase;
    private Exception? _failure;

    /// <param name="directory">The data folder.</param>
    /// <param name="generation">The generation to open (created, or appended to after its valid length).</param>
    /// <param name="sync">Whether <see cref="SyncAsync"/> fsyncs (otherwise it only writes).</param>
    /// <param name="replayedBytes">Bytes of older generations not yet covered by a snapshot: they count towards the next snapshot.</param>
    public Translog(string directory, long generation, bool sync, long replayedBytes = 0)
    {
        _directory = directory;
        _sync = sync;
        Generation = generation;
        _snapshotBase = -replayedBytes;
        _file = OpenGeneration(generation, out _fileLength);
    }

    public long Generation { get; private set; }

    public long BytesSinceSnapshot => Volatile.Read(ref _appended) - Volatile.Read(ref _snapshotBase);

    public static string FileName(long generation) => "translog-" + generation.ToString("D10", CultureInfo.InvariantCulture) + ".tlog";

    public long Append(LogRecord record)
    {
        lock (_appendLock)
        {
            var before = _pending.WrittenCount;
            RecordCodec.Encode(record, _pending);
            _appended += _pending.WrittenCount - before;
            return _appended;
        }
    }

    public async ValueTask SyncAsync(long position, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _durable) >= position)
        {
            return;
        }

        // Not cancellable once we own the gate: an acknowledged write must not skip its fsync.
        await _syncGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _durable) >= position)
            {
                return;
            }

            Volatile.Write(ref _durable, WritePending(_sync));
        }
        finally
        {
            _syncGate.Release();
        }
    }

    /// <summary>
    /// Closes the current generation (written and fsynced) and starts the next one. Called with
    /// all writers stopped, right before a snapshot that covers everything up to the new generation.
    /// </summary>
    public long Roll()
    {
        _syncGate.Wait();
        try
        {
            Volatile.Write(ref _durable, WritePending(flushToDisk: true));
            _file.Dispose();
            Generation++;
            _file = OpenGeneration(Generation, out _fileLength);
            Volatile.Write(ref _snapshotBase, Volatile.Read(ref _appended));
            return Generation;
        }
        finally
        {
            _syncGate.Release();
        }
    }

    /// <summary>Deletes generations older than <paramref name="generation"/> (covered by a snapshot).</summary>
    public void DeleteBefore(long generation) => DeleteBefore(_directory, generation);

    /// <summary>Deletes the generations of <paramref name="directory"/> older than <paramref name="generation"/>.</summary>
    public static void DeleteBefore(string directory, long generation)
    {
        foreach (var (gen, path) in ListGenerations(directory))
        {
            if (gen < generation)
            {
                File.Delete(path);
            }
        }
    }

    public static List<(long Generation, string Path)> ListGenerations(string directory) =>
        Directory.EnumerateFiles(directory, "translog-*.tlog")
            .Select(p => (Gen: long.TryParse(Path.GetFileNameWithoutExtension(p)["translog-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : -1, Path: p))
            .Where(p => p.Gen >= 0)
            .OrderBy(p => p.Gen)
            .ToList();

    /// <summary>Writes what is pending (fsynced when the log syncs) and closes the file.</summary>
    public void Dispose()
    {
        _syncGate.Wait();
        try
        {
            if (_failure is null)
            {
                WritePending(_sync);
            }

            _file.Dispose();
        }
        finally
        {
            _syncGate.Release();
        }

        _syncGate.Dispose();
    }

    /// <summary>
    /// What kill -9 leaves: the file is closed without writing what was appended but not synced
    /// (tests use this to crash a store inside the test process).
    /// </summary>
    internal void Abandon()
    {
        _syncGate.Wait();
        try
        {
            _file.Dispose();
            _failure ??= new ObjectDisposedException(nameof(Translog), "the translog was abandoned");
        }
        finally
        {
            _syncGate.Release();
        }
    }

    // Caller owns _syncGate. Returns the log position that is now written (and fsynced when asked).
    private long WritePending(bool flushToDisk)
    {
        if (_failure is not null)
        {
            // A failed write may have left part of a batch on disk: no later write may be acknowledged
            // as if the log were whole (Elasticsearch closes a translog after such a "tragic event").
            throw new IOException("the translog failed earlier and accepts no more writes", _failure);
        }

        ArrayBufferWriter<byte> batch;
        long target;
        lock (_appendLock)
        {
            batch = _pending;
            _pending = _spare;
            target = _appended;
        }

        try
        {
            if (batch.WrittenCount > 0)
            {
                RandomAccess.Write(_file, batch.WrittenSpan, _fileLength);
                _fileLength += batch.WrittenCount;
            }

            if (flushToDisk)
            {
                RandomAccess.FlushToDisk(_file);
            }
        }
        catch (Exception e)
        {
            _failure = e;
            throw;
        }

        batch.ResetWrittenCount();
        _spare = batch.Capacity > KeptBufferBytes ? new ArrayBufferWriter<byte>(1 << 20) : batch;
        return target;
    }

    private SafeFileHandle OpenGeneration(long generation, out long length)
    {
        var handle = File.OpenHandle(Path.Combine(_directory, FileName(generation)), FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        length = RandomAccess.GetLength(handle);
        return handle;
    }
}
