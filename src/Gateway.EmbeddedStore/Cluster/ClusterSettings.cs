using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Cluster;

/// <summary>
/// Persistent and transient cluster settings (<c>_cluster/settings</c>). A value is the transient one, else the
/// persistent one, else the node's (<see cref="EmbeddedStoreOptions"/>, Elasticsearch's <c>elasticsearch.yml</c>),
/// else the default. Persistent settings are logged and survive restarts; transient ones do not, as in Elasticsearch.
/// </summary>
internal sealed class ClusterSettings
{
    private readonly object _lock = new();
    private readonly IReadOnlyDictionary<string, string> _node;
    private SortedDictionary<string, string> _persistent = new(StringComparer.Ordinal);
    private SortedDictionary<string, string> _transient = new(StringComparer.Ordinal);

    public ClusterSettings(IReadOnlyDictionary<string, string>? node = null)
    {
        _node = node ?? new Dictionary<string, string>();
    }

    public IReadOnlyDictionary<string, string> Persistent => _persistent;

    public IReadOnlyDictionary<string, string> Transient => _transient;

    /// <summary>The node's own values: what <c>include_defaults</c> shows beside the built-in defaults.</summary>
    public IReadOnlyDictionary<string, string> Defaults =>
        ClusterSettingDefinitions.Defaults.ToDictionary(d => d.Key, d => _node.GetValueOrDefault(d.Key) ?? d.Value, StringComparer.Ordinal);

    public bool DestructiveRequiresName => Get(ClusterSettingDefinitions.DestructiveRequiresName) == "true";

    public TimeSpan MaxKeepAlive => ClusterSettingDefinitions.Time(Get(ClusterSettingDefinitions.MaxKeepAlive));

    public string Get(string key) =>
        _transient.GetValueOrDefault(key) ?? _persistent.GetValueOrDefault(key) ?? _node.GetValueOrDefault(key) ?? ClusterSettingDefinitions.Defaults[key];

    /// <summary>
    /// Validates and applies an update (flat keys; a null value resets the key, a trailing <c>*</c> resets every key it
    /// matches). All or nothing: one bad key changes nothing. Returns what was applied, per scope.
    /// </summary>
    public (SortedDictionary<string, string?> Persistent, SortedDictionary<string, string?> Transient) Update(
        IReadOnlyDictionary<string, string?> persistent, IReadOnlyDictionary<string, string?> transient)
    {
        lock (_lock)
        {
            var nextPersistent = Apply(_persistent, persistent, "persistent");
            var nextTransient = Apply(_transient, transient, "transient");
            var defaultKeepAlive = Resolve(nextTransient, nextPersistent, ClusterSettingDefinitions.DefaultKeepAlive);
            var maxKeepAlive = Resolve(nextTransient, nextPersistent, ClusterSettingDefinitions.MaxKeepAlive);
            if (ClusterSettingDefinitions.Time(defaultKeepAlive) > ClusterSettingDefinitions.Time(maxKeepAlive))
            {
                throw StoreException.IllegalArgument("Default keep alive setting for request [" + defaultKeepAlive + "] should be smaller than max keep alive ["
                    + maxKeepAlive + "], was (" + defaultKeepAlive + " > " + maxKeepAlive + ")");
            }

            _persistent = nextPersistent;
            _transient = nextTransient;
            return (Applied(persistent), Applied(transient));
        }
    }

    /// <summary>Restores the logged persistent settings (recovery).</summary>
    public void RestorePersistent(IReadOnlyDictionary<string, string> persistent)
    {
        lock (_lock)
        {
            _persistent = new SortedDictionary<string, string>(persistent.ToDictionary(), StringComparer.Ordinal);
        }
    }

    private string Resolve(SortedDictionary<string, string> transient, SortedDictionary<string, string> persistent, string key) =>
        transient.GetValueOrDefault(key) ?? persistent.GetValueOrDefault(key) ?? _node.GetValueOrDefault(key) ?? ClusterSettingDefinitions.Defaults[key];

    private static SortedDictionary<string, string> Apply(SortedDictionary<string, string> current, IReadOnlyDictionary<string, string?> changes, string scope)
    {
        var next = new SortedDictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is null && key.EndsWith('*'))
            {
                foreach (var matched in next.Keys.Where(k => k.StartsWith(key[..^1], StringComparison.Ordinal)).ToList())
                {
                    next.Remove(matched);
                }

                continue;
            }

            if (value is null && !next.ContainsKey(key))
            {
                // Resetting what is not set changes nothing (whatever the key).
                continue;
            }

            if (!ClusterSettingDefinitions.Defaults.ContainsKey(key))
            {
                throw StoreException.IllegalArgument(scope + " setting [" + key + "], not recognized");
            }

            if (value is null)
            {
                next.Remove(key);
                continue;
            }

            ClusterSettingDefinitions.Validate(key, value);
            next[key] = value;
        }

        return next;
    }

    private static SortedDictionary<string, string?> Applied(IReadOnlyDictionary<string, string?> changes) =>
        new(changes.ToDictionary(c => c.Key, c => c.Value), StringComparer.Ordinal);
}
