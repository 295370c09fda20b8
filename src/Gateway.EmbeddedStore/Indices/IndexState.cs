using System.Collections.Concurrent;
using System.Globalization;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// One index: metadata (settings, mapping, aliases), the realtime document table and its search
/// shard. Writes to one index are serialised by <see cref="WriteLock"/> (sequence numbers are per
/// index, like a single-shard Elasticsearch index); reads are lock-free.
/// </summary>
internal sealed class IndexState
{
    private volatile MappingState _mapping;
    private volatile IReadOnlyDictionary<string, AliasMetadata> _aliases;
    private volatile IReadOnlyDictionary<string, string> _settings;
    private int _pendingRefresh;

    public IndexState(string name, string uuid, IReadOnlyDictionary<string, string> settings, MappingState mapping,
        IReadOnlyDictionary<string, AliasMetadata> aliases, ISearchShard shard)
    {
        Name = name;
        Uuid = uuid;
        _settings = settings;
        _mapping = mapping;
        _aliases = aliases;
        Shard = shard;
    }

    public string Name { get; }

    public string Uuid { get; }

    public ISearchShard Shard { get; }

    public object WriteLock { get; } = new();

    public ConcurrentDictionary<string, DocEntry> Documents { get; } = new(StringComparer.Ordinal);

    /// <summary>Last assigned sequence number (-1 when none). Changed under <see cref="WriteLock"/>.</summary>
    public long SeqNo { get; set; } = -1;

    /// <summary>Live (not deleted) documents. Changed under <see cref="WriteLock"/>.</summary>
    public long LiveCount { get; set; }

    public long PrimaryTerm => 1;

    public MappingState Mapping
    {
        get => _mapping;
        set => _mapping = value;
    }

    public IReadOnlyDictionary<string, AliasMetadata> Aliases
    {
        get => _aliases;
        set => _aliases = value;
    }

    /// <summary>Whether <c>_source</c> answers leave dense_vector values out unless asked (<see cref="Gateway.EmbeddedStore.Mapping.SourceVectors"/>).</summary>
    public bool ExcludeSourceVectors => Gateway.EmbeddedStore.Mapping.SourceVectors.ExcludedByDefault(_settings);

    public IReadOnlyDictionary<string, string> Settings
    {
        get => _settings;
        set => _settings = value;
    }

    /// <summary>
    /// Replicas wanted: <c>index.number_of_replicas</c>, or with <c>index.auto_expand_replicas</c> (<c>0-1</c>, <c>0-all</c>)
    /// its lower bound, as Elasticsearch expands it on a cluster of one node.
    /// </summary>
    public int Replicas =>
        _settings.GetValueOrDefault("index.auto_expand_replicas") is { } expand && expand != "false" && expand.Split('-') is [var low, _]
            && int.TryParse(low, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lower)
            ? lower
            : int.TryParse(_settings.GetValueOrDefault("index.number_of_replicas"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : 1;

    public int Shards => int.TryParse(_settings.GetValueOrDefault("index.number_of_shards"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;

    public TimeSpan RefreshInterval =>
        IndexSettings.ParseInterval(_settings.GetValueOrDefault("index.refresh_interval") ?? "1s") ?? TimeSpan.FromSeconds(1);

    /// <summary>Last time (timestamp ticks of the store's time provider) this index was refreshed.</summary>
    public long LastRefresh { get; set; }

    public void MarkPending() => Volatile.Write(ref _pendingRefresh, 1);

    /// <summary>Publishes pending changes to search; returns whether anything was pending.</summary>
    public bool Refresh()
    {
        if (Interlocked.Exchange(ref _pendingRefresh, 0) == 0)
        {
            return false;
        }

        Shard.Refresh();
        return true;
    }

    /// <summary>
    /// Whether the index is closed: it keeps its data and metadata but refuses reads and writes. Kept as the
    /// <c>index.verified_before_close</c> setting Elasticsearch gives a closed index (removed again on open), so the
    /// state is logged and recovered with the settings.
    /// </summary>
    public bool IsClosed => _settings.GetValueOrDefault(IndexSettings.VerifiedBeforeClose) == "true";

    public string? ProvidedName => _settings.GetValueOrDefault("index.provided_name");
}
