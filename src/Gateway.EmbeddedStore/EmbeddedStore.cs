using Gateway.EmbeddedStore.Cluster;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;
using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search;
using Gateway.EmbeddedStore.Search.Cursors;
using Gateway.EmbeddedStore.Storage;

namespace Gateway.EmbeddedStore;

/// <summary>
/// A single-node, durable store that speaks a subset of the Elasticsearch REST API. Reach it
/// in-process through <see cref="EmbeddedStoreHandler"/> or, with
/// <see cref="EmbeddedStoreOptions.ListenUrl"/>, on a loopback port.
/// </summary>
public sealed class EmbeddedStore : IDisposable
{
    private readonly StoreGate _gate = new();
    private readonly object _snapshotLock = new();
    private readonly ITimer _refreshTimer;
    private readonly FileStream? _lockFile;
    private Translog? _translog;
    private int _snapshotRunning;
    private bool _disposed;
    private volatile bool _crashed;

    private EmbeddedStore(EmbeddedStoreOptions options, ISearchService search, TimeProvider time, string? dataPath)
    {
        Options = options;
        Search = search;
        Time = time;
        DataPath = dataPath;
        Catalog = new IndexCatalog(search, time, _gate)
        {
            ClusterSettings = new ClusterSettings(new Dictionary<string, string>
            {
                [ClusterSettingDefinitions.DestructiveRequiresName] = options.DestructiveRequiresName ? "true" : "false",
            }),
        };
        Documents = new DocumentStore(Catalog, _gate);
        Updater = new DocumentUpdater(Documents, _gate, time, Scripts);
        Cursors = new SearchCursors(time, options.MaxOpenScrollContexts);
        Tasks = new Rest.Api.ByQueryTasks(time, options.NodeName);
        if (dataPath is not null)
        {
            _lockFile = DataFolderLock.Acquire(dataPath);
            ClusterUuid = ClusterIdentity.LoadOrCreate(dataPath);
            Recover(dataPath);
        }
        else
        {
            ClusterUuid = Ids.NewUuid();
        }

        _refreshTimer = time.CreateTimer(_ => RefreshDue(), null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200));
    }

    /// <summary>The options the store runs with.</summary>
    public EmbeddedStoreOptions Options { get; }

    /// <summary>The data folder (absolute), or null for an in-memory store.</summary>
    public string? DataPath { get; }

    /// <summary>The cluster uuid reported by <c>GET /</c> (persisted in the data folder).</summary>
    public string ClusterUuid { get; }

    internal ISearchService Search { get; }

    internal TimeProvider Time { get; }

    internal IndexCatalog Catalog { get; }

    internal DocumentStore Documents { get; }

    internal DocumentUpdater Updater { get; }

    /// <summary>The stored scripts (<c>PUT /_scripts/{id}</c>), kept by the catalog (logged and snapshotted with it).</summary>
    internal StoredScripts Scripts => Catalog.Scripts;

    /// <summary>Open scrolls and points in time.</summary>
    internal SearchCursors Cursors { get; }

    /// <summary>By-query runs started with <c>wait_for_completion=false</c>, with their results.</summary>
    internal Rest.Api.ByQueryTasks Tasks { get; }

    /// <summary>The persistent and transient cluster settings (kept with the index metadata).</summary>
    internal ClusterSettings ClusterSettings => Catalog.ClusterSettings;

    /// <summary>Opens (and recovers) the durable store in <see cref="EmbeddedStoreOptions.DataPath"/>.</summary>
    public static EmbeddedStore Open(EmbeddedStoreOptions options, SearchService search, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(search);
        return new EmbeddedStore(options, search, time ?? TimeProvider.System, Path.GetFullPath(options.DataPath));
    }

    /// <summary>Creates a store that keeps everything in memory (nothing survives disposal); for tests and tools.</summary>
    public static EmbeddedStore CreateInMemory(SearchService search, EmbeddedStoreOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(search);
        return new EmbeddedStore(options ?? new EmbeddedStoreOptions(), search, time ?? TimeProvider.System, null);
    }

    /// <summary>Waits until the log is durable up to <paramref name="position"/> (the write is then acknowledged).</summary>
    internal async ValueTask SyncAsync(long position, CancellationToken cancellationToken)
    {
        if (position <= 0)
        {
            return;
        }

        await Catalog.Log.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        SnapshotWhenDue();
    }

    /// <summary>Starts a background snapshot when the translog has grown past the threshold since the last one.</summary>
    private void SnapshotWhenDue()
    {
        if (Catalog.Log.BytesSinceSnapshot > Options.TranslogSnapshotThresholdBytes && Interlocked.CompareExchange(ref _snapshotRunning, 1, 0) == 0)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    Snapshot();
                }
                finally
                {
                    Volatile.Write(ref _snapshotRunning, 0);
                }
            });
        }
    }

    /// <summary>
    /// Writes a snapshot of the whole store and drops the translog generations it covers, so that
    /// the next start-up reads one compact file. Runs automatically past
    /// <see cref="EmbeddedStoreOptions.TranslogSnapshotThresholdBytes"/> and on disposal.
    /// </summary>
    public void Snapshot()
    {
        if (_translog is null || DataPath is null)
        {
            return;
        }

        // One snapshot at a time: a background one and the shutdown one must not interleave.
        lock (_snapshotLock)
        {
            if (!_crashed)
            {
                WriteSnapshot(_translog, DataPath);
            }
        }
    }

    private void WriteSnapshot(Translog translog, string dataPath)
    {
        List<(IndexState, KeyValuePair<string, DocEntry>[])> state;
        List<KeyValuePair<string, string>> scripts;
        IReadOnlyDictionary<string, string> persistent;
        long generation;
        using (_gate.Exclusive())
        {
            generation = translog.Roll();
            state = Catalog.All.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => (i, i.Documents.ToArray())).ToList();
            scripts = [.. Catalog.Scripts.All];
            persistent = Catalog.ClusterSettings.Persistent;
        }

        SnapshotFile.Write(dataPath, generation, Recovery.Capture(state, persistent, scripts));
        translog.DeleteBefore(generation);
        DeleteSnapshotsBefore(dataPath, generation);
    }

    /// <summary>Makes pending changes of these indices visible to search.</summary>
    internal static void Refresh(IEnumerable<IndexState> indices, bool force)
    {
        foreach (var index in indices)
        {
            if (!index.Refresh() && force)
            {
                index.Shard.Refresh();
            }
        }
    }

    private void RefreshDue()
    {
        if (_disposed)
        {
            return;
        }

        var now = Time.GetTimestamp();
        foreach (var index in Catalog.All)
        {
            var interval = index.RefreshInterval;
            if (interval == Timeout.InfiniteTimeSpan || Time.GetElapsedTime(index.LastRefresh, now) < interval)
            {
                continue;
            }

            index.LastRefresh = now;
            try
            {
                index.Refresh();
            }
            catch (StoreException)
            {
                // A failed background refresh is retried on the next tick; searches keep the last view.
            }
        }
    }

    private void Recover(string dataPath)
    {
        foreach (var stale in Directory.EnumerateFiles(dataPath, "*.tmp"))
        {
            File.Delete(stale);
        }

        long fromGeneration = 0;
        foreach (var (gen, path) in SnapshotFile.List(dataPath))
        {
            if (SnapshotFile.TryRead(path) is { } records)
            {
                StoreRecovery.ApplyAll(Catalog, records);
                fromGeneration = gen;
                break;
            }
        }

        // Files a crash left behind between a snapshot's rename and its clean-up: the snapshot covers them.
        Translog.DeleteBefore(dataPath, fromGeneration);
        DeleteSnapshotsBefore(dataPath, fromGeneration);
        long lastGeneration = fromGeneration;
        long replayed = 0;
        foreach (var (gen, path) in Translog.ListGenerations(dataPath))
        {
            var records = LogReader.Read(path, out var validLength);
            StoreRecovery.ApplyAll(Catalog, records);
            if (validLength < new FileInfo(path).Length)
            {
                // A torn tail (crash mid-append): it was never acknowledged, so drop it.
                using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
                file.SetLength(validLength);
                file.Flush(flushToDisk: true);
            }

            replayed += validLength;
            lastGeneration = gen;
            if (validLength == 0)
            {
                // Nothing in it (a start-up that saw no write before the crash): start-up opens a new one anyway.
                File.Delete(path);
            }
        }

        // The replayed generations count towards the next snapshot: without that, a store that crashed
        // again and again kept every generation (each start-up opened one more) and replayed them all.
        _translog = new Translog(dataPath, lastGeneration + 1, Options.SyncOnWrite, replayed);
        Catalog.Log = _translog;
        Refresh(Catalog.All, force: true);
        SnapshotWhenDue();
    }

    private static void DeleteSnapshotsBefore(string dataPath, long generation)
    {
        foreach (var (gen, path) in SnapshotFile.List(dataPath))
        {
            if (gen < generation)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>
    /// What kill -9 leaves behind, inside the test process: files and the data folder lock are
    /// released with no snapshot and without writing what was appended but not yet synced.
    /// </summary>
    internal void Crash()
    {
        _crashed = true;
        _disposed = true;
        _refreshTimer.Dispose();
        lock (_snapshotLock)
        {
            _translog?.Abandon();
        }

        _lockFile?.Dispose();
    }

    /// <summary>Snapshots (when durable) and releases files and timers.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _refreshTimer.Dispose();
        Cursors.Dispose();
        Tasks.Dispose();
        if (_translog is not null)
        {
            Snapshot();
            lock (_snapshotLock)
            {
                _translog.Dispose();
            }
        }

        _lockFile?.Dispose();
        _gate.Dispose();
    }
}
