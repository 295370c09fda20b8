using System.Buffers;
using System.Globalization;

namespace Gateway.EmbeddedStore.Storage;

/// <summary>
/// Append-only, checksummed log of changes in generation files (<c>translog-{gen}.tlog</c>).
/// Appends are buffered; <see cref="SyncAsync"/> implements group commit: one caller writes and
/// fsyncs everything appended so far while concurrent callers wait and share that fsync.
/// </summary>
internal sealed class Translog : IStoreLog
{
    private readonly string _directory;
    private readonly bool _sync;
    private readonly object _appendLock = new();
    private readonly SemaphoreSlim _syncGate = new(1, 1);
    private readonly ArrayBufferWriter<byte> _encodeBuffer = new(64 * 1024);
    private FileStream _file;
    private long _appended;
    private long _durable;
    private long _snapshotBase;

    public Translog(string directory, long generation, bool sync)
    {
        _directory = directory;
        _sync = sync;
        Generation = generation;
        _file = OpenGeneration(generation);
    }

    public long Generation { get; private set; }

    public long BytesSinceSnapshot => Volatile.Read(ref _appended) - Volatile.Read(ref _snapshotBase);

    public static string FileName(long generation) => "translog-" + generation.ToString("D10", CultureInfo.InvariantCulture) + ".tlog";

    public long Append(LogRecord record)
    {
        lock (_appendLock)
        {
            _encodeBuffer.ResetWrittenCount();
            RecordCodec.Encode(record, _encodeBuffer);
            _file.Write(_encodeBuffer.WrittenSpan);
            _appended += _encodeBuffer.WrittenCount;
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

            long target;
            FileStream file;
            lock (_appendLock)
            {
                _file.Flush(flushToDisk: false);
                target = _appended;
                file = _file;
            }

            if (_sync)
            {
                RandomAccess.FlushToDisk(file.SafeFileHandle);
            }

            Volatile.Write(ref _durable, target);
        }
        finally
        {
            _syncGate.Release();
        }
    }

    /// <summary>
    /// Closes the current generation (fsynced) and starts the next one. Called with all writers
    /// stopped, right before a snapshot that covers everything up to the new generation.
    /// </summary>
    public long Roll()
    {
        _syncGate.Wait();
        try
        {
            lock (_appendLock)
            {
                _file.Flush(flushToDisk: true);
                _file.Dispose();
                Generation++;
                _file = OpenGeneration(Generation);
                _durable = _appended;
                _snapshotBase = _appended;
                return Generation;
            }
        }
        finally
        {
            _syncGate.Release();
        }
    }

    /// <summary>Deletes generations older than <paramref name="generation"/> (covered by a snapshot).</summary>
    public void DeleteBefore(long generation)
    {
        foreach (var (gen, path) in ListGenerations(_directory))
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

    public void Dispose()
    {
        lock (_appendLock)
        {
            _file.Flush(flushToDisk: _sync);
            _file.Dispose();
        }

        _syncGate.Dispose();
    }

    private FileStream OpenGeneration(long generation) =>
        new(Path.Combine(_directory, FileName(generation)), new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 1 << 20,
        });
}
