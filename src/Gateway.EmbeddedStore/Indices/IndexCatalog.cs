using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search;
using Gateway.EmbeddedStore.Storage;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// The cluster metadata: indices by name and uuid, their settings, mappings and aliases.
/// Metadata changes are serialised by one lock and logged before they are acknowledged.
/// </summary>
internal sealed class IndexCatalog
{
    private readonly ConcurrentDictionary<string, IndexState> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IndexState> _byUuid = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private readonly ISearchService _search;
    private readonly TimeProvider _time;
    private readonly StoreGate _gate;

    public IndexCatalog(ISearchService search, TimeProvider time, StoreGate gate)
    {
        _search = search;
        _time = time;
        _gate = gate;
    }

    /// <summary>The cluster settings, logged with the index metadata (persistent ones).</summary>
    public Cluster.ClusterSettings ClusterSettings { get; init; } = new();

    /// <summary>Applies a cluster settings update (all or nothing) and logs the persistent ones; returns what was applied and the log position.</summary>
    public ((SortedDictionary<string, string?> Persistent, SortedDictionary<string, string?> Transient) Applied, long Position) UpdateClusterSettings(
        IReadOnlyDictionary<string, string?> persistent, IReadOnlyDictionary<string, string?> transient)
    {
        using (_gate.Shared())
        {
            lock (_lock)
            {
                var applied = ClusterSettings.Update(persistent, transient);
                var position = persistent.Count == 0 ? 0 : Log.Append(new LogRecord
                {
                    Op = LogOp.ClusterSettings,
                    Settings = Json(IndexSettings.Render(ClusterSettings.Persistent, flat: true)),
                });
                return (applied, position);
            }
        }
    }

    /// <summary>The log changes go to; replaced once recovery is done.</summary>
    public IStoreLog Log { get; set; } = new NullStoreLog();

    /// <summary>The stored scripts of <c>PUT /_scripts/{id}</c>.</summary>
    public Scripting.StoredScripts Scripts { get; } = new();

    /// <summary>Stores (or, with a null source, deletes) a script durably: one log record, then the change.</summary>
    public long SaveScript(string id, string? source)
    {
        using (_gate.Shared())
        {
            lock (_lock)
            {
                var position = Log.Append(source is null
                    ? new LogRecord { Op = LogOp.DeleteScript, IndexUuid = id }
                    : new LogRecord { Op = LogOp.PutScript, IndexUuid = id, Settings = System.Text.Encoding.UTF8.GetBytes(source) });
                if (source is null)
                {
                    Scripts.Delete(id);
                }
                else
                {
                    Scripts.Put(id, source);
                }

                return position;
            }
        }
    }

    public ICollection<IndexState> All => _byName.Values;

    public IndexState? Find(string name) => _byName.GetValueOrDefault(name);

    public IndexState? FindByUuid(string uuid) => _byUuid.GetValueOrDefault(uuid);

    /// <summary>Whether some index carries this alias.</summary>
    public bool IsAlias(string name) => _byName.Values.Any(i => i.Aliases.ContainsKey(name));

    /// <summary>
    /// Creates an index. A malformed name or body is refused by <see cref="StoreException"/>; a name (or alias) that
    /// meets an existing index or alias is the returned error, found before anything is logged.
    /// </summary>
    public StoreResult<(IndexState Index, long Position)> Create(string name, JsonObject? body)
    {
        IndexNames.Validate(name);
        var settings = IndexSettings.Flatten(body?["settings"] as JsonObject);
        IndexSettings.Validate(settings);
        MappingState mapping;
        try
        {
            mapping = body?["mappings"] switch
            {
                null => MappingState.EmptyWith(MappingDefaults.From(settings)),
                JsonObject m => MappingState.FromUser(m, MappingDefaults.From(settings)),
                _ => throw MappingErrors.MapperParsing("Failed to parse mapping: Expected map for property [mappings]"),
            };
        }
        catch (StoreException e) when (e.Type == "mapper_parsing_exception" && !e.Message.StartsWith("Failed to parse mapping", StringComparison.Ordinal))
        {
            throw MappingErrors.FailedToParseMapping(e);
        }

        MappingSettings.CheckLimits(mapping, settings);
        var aliases = new Dictionary<string, AliasMetadata>(StringComparer.Ordinal);
        if (body?["aliases"] is JsonObject aliasBody)
        {
            foreach (var (aliasName, aliasDef) in aliasBody)
            {
                aliases[aliasName] = AliasParser.Parse(aliasName, aliasDef as JsonObject);
            }
        }

        foreach (var key in body?.Select(p => p.Key) ?? [])
        {
            if (key is not ("settings" or "mappings" or "aliases"))
            {
                throw StoreException.Parsing("unknown key [" + key + "] for create index");
            }
        }

        using (_gate.Shared())
        {
            lock (_lock)
            {
                if (_byName.ContainsKey(name))
                {
                    var existing = _byName[name];
                    return new StoreError(400, "resource_already_exists_exception", "index [" + name + "/" + existing.Uuid + "] already exists", name)
                    {
                        IndexUuid = existing.Uuid,
                    };
                }

                if (IsAlias(name))
                {
                    return new StoreError(400, "invalid_index_name_exception", "Invalid index name [" + name + "], already exists as alias", name);
                }

                foreach (var alias in aliases.Keys)
                {
                    if (_byName.ContainsKey(alias) || alias == name)
                    {
                        return new StoreError(400, "invalid_alias_name_exception", "Invalid alias name [" + alias + "]: an index or data stream exists with the same name as the alias", alias);
                    }
                }

                var uuid = Ids.NewUuid();
                var created = _time.GetUtcNow().ToUnixTimeMilliseconds();
                settings.TryAdd("index.number_of_shards", "1");
                settings.TryAdd("index.number_of_replicas", "1");
                settings["index.uuid"] = uuid;
                settings["index.creation_date"] = created.ToString(System.Globalization.CultureInfo.InvariantCulture);
                settings["index.provided_name"] = name;
                settings["index.version.created"] = ServerInfo.IndexVersion;
                var record = new LogRecord
                {
                    Op = LogOp.CreateIndex,
                    IndexUuid = uuid,
                    IndexName = name,
                    CreationDate = created,
                    Settings = Json(IndexSettings.Render(settings, flat: true)),
                    Mapping = Json(mapping.Root),
                    Aliases = Json(AliasesJson(aliases)),
                };
                var position = Log.Append(record);
                var index = Add(name, uuid, settings, mapping, aliases);
                return (index, position);
            }
        }
    }

    /// <summary>Registers an index (creation and recovery).</summary>
    public IndexState Add(string name, string uuid, IReadOnlyDictionary<string, string> settings, MappingState mapping, IReadOnlyDictionary<string, AliasMetadata> aliases)
    {
        var shard = _search.CreateShard(name, mapping.Compiled);
        var index = new IndexState(name, uuid, settings, mapping, aliases, shard) { LastRefresh = _time.GetTimestamp() };
        _byName[name] = index;
        _byUuid[uuid] = index;
        return index;
    }

    public long Delete(IReadOnlyList<IndexState> indices)
    {
        using (_gate.Shared())
        {
            lock (_lock)
            {
                long position = 0;
                foreach (var index in indices)
                {
                    if (_byName.TryGetValue(index.Name, out var current) && ReferenceEquals(current, index))
                    {
                        position = Log.Append(new LogRecord { Op = LogOp.DeleteIndex, IndexUuid = index.Uuid });
                        Remove(index);
                    }
                }

                return position;
            }
        }
    }

    public void Remove(IndexState index)
    {
        _byName.TryRemove(new KeyValuePair<string, IndexState>(index.Name, index));
        _byUuid.TryRemove(index.Uuid, out _);
    }

    public long PutMapping(IReadOnlyList<IndexState> indices, JsonObject body)
    {
        var incoming = MappingCompiler.Normalize(body);
        using (_gate.Shared())
        {
            lock (_lock)
            {
                // Validate on every index first so the change is all-or-nothing.
                var merged = indices.Select(i => (Index: i, Root: MappingMerger.Merge(i.Mapping.Root, incoming))).ToList();
                var states = merged.Select(m => (m.Index, State: MappingState.FromNormalized(MappingCompiler.Normalize(m.Root), m.Index.Mapping.Defaults))).ToList();
                foreach (var (index, state) in states)
                {
                    MappingSettings.CheckLimits(state, index.Settings);
                }

                long position = 0;
                foreach (var (index, state) in states)
                {
                    lock (index.WriteLock)
                    {
                        position = Log.Append(new LogRecord { Op = LogOp.PutMapping, IndexUuid = index.Uuid, Mapping = Json(state.Root) });
                        index.Mapping = state;
                        index.Shard.MappingChanged(state.Compiled);
                    }
                }

                return position;
            }
        }
    }

    /// <summary>
    /// Updates index settings as Elasticsearch's <c>MetadataUpdateSettingsService</c> does: every key must be a known
    /// updatable setting (<see cref="IndexSettingDefinitions"/>), static ones only on closed indices; a null value
    /// resets a key (a trailing <c>*</c> every key it matches); with <paramref name="preserveExisting"/> keys an index
    /// already sets are left alone; <paramref name="reopen"/> lets static ones change on open indices. All or nothing across the indices.
    /// </summary>
    public long PutSettings(IReadOnlyList<IndexState> indices, JsonObject body, bool preserveExisting = false, bool reopen = false)
    {
        var incoming = IndexSettings.FlattenUpdate(body["settings"] as JsonObject ?? body);
        IndexSettings.Validate(incoming.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!));
        var staticKeys = incoming.Keys.Where(key => !(key.EndsWith('*') && incoming[key] is null) && !IndexSettingDefinitions.CheckUpdatable(key)).ToList();
        var open = indices.Where(i => !i.IsClosed).ToList();
        MappingSettings.ValidateUpdate(incoming.Keys, open.Select(i => (i.Name, i.Uuid)));
        // reopen applies static settings to open indices by closing and reopening them, which here changes nothing else.
        if (staticKeys.Count > 0 && open.Count > 0 && !reopen)
        {
            throw StoreException.IllegalArgument("Can't update non dynamic settings [[" + string.Join(", ", staticKeys) + "]] for open indices ["
                + string.Join(", ", open.Select(i => "[" + i.Name + "/" + i.Uuid + "]")) + "]");
        }

        using (_gate.Shared())
        {
            lock (_lock)
            {
                long position = 0;
                foreach (var index in indices)
                {
                    var settings = new SortedDictionary<string, string>(index.Settings.ToDictionary(), StringComparer.Ordinal);
                    foreach (var (key, value) in incoming)
                    {
                        if (value is null)
                        {
                            var prefix = key.EndsWith('*') ? key[..^1] : null;
                            foreach (var reset in settings.Keys.Where(k => prefix is null ? k == key : k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
                            {
                                settings.Remove(reset);
                            }
                        }
                        else if (!preserveExisting || !settings.ContainsKey(key))
                        {
                            settings[key] = value;
                        }
                    }

                    position = Log.Append(new LogRecord { Op = LogOp.SetSettings, IndexUuid = index.Uuid, Settings = Json(IndexSettings.Render(settings, flat: true)) });
                    index.Settings = settings;
                }

                return position;
            }
        }
    }

    /// <summary>Closes or opens indices (<see cref="IndexState.IsClosed"/>), logged as their settings; returns the log position.</summary>
    public long SetClosed(IReadOnlyList<IndexState> indices, bool closed)
    {
        using (_gate.Shared())
        {
            lock (_lock)
            {
                long position = 0;
                foreach (var index in indices.Where(i => i.IsClosed != closed))
                {
                    var settings = new SortedDictionary<string, string>(index.Settings.ToDictionary(), StringComparer.Ordinal);
                    if (closed)
                    {
                        settings[IndexSettings.VerifiedBeforeClose] = "true";
                    }
                    else
                    {
                        settings.Remove(IndexSettings.VerifiedBeforeClose);
                    }

                    position = Log.Append(new LogRecord { Op = LogOp.SetSettings, IndexUuid = index.Uuid, Settings = Json(IndexSettings.Render(settings, flat: true)) });
                    index.Settings = settings;
                }

                return position;
            }
        }
    }

    /// <summary>Applies alias changes to several indices atomically (one log record).</summary>
    public long SetAliases(IReadOnlyDictionary<IndexState, Dictionary<string, AliasMetadata>> changes)
    {
        // Callers hold the metadata lock via RunLocked so validation and apply are atomic.
        var batch = changes.Select(c => (c.Key.Uuid, Json(AliasesJson(c.Value)))).ToList();
        var position = Log.Append(new LogRecord { Op = LogOp.SetAliases, Batch = batch });
        foreach (var (index, aliases) in changes)
        {
            index.Aliases = aliases;
        }

        return position;
    }

    /// <summary>Runs a metadata change under the gate and the metadata lock.</summary>
    public T RunLocked<T>(Func<T> action)
    {
        using (_gate.Shared())
        {
            lock (_lock)
            {
                return action();
            }
        }
    }

    public static JsonObject AliasesJson(IReadOnlyDictionary<string, AliasMetadata> aliases)
    {
        var result = new JsonObject();
        foreach (var (name, alias) in aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            result[name] = alias.ToJson();
        }

        return result;
    }

    public static byte[] Json(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node);
}
