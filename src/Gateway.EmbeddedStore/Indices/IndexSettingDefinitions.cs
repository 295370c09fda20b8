using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// The index settings <c>PUT /{index}/_settings</c> knows, as Elasticsearch's <c>IndexScopedSettings</c> classifies
/// them: dynamic ones update open indices; static ones only closed indices; final and private ones never. A known
/// setting the store would have to act on but does not (<c>index.blocks.metadata</c>, <c>index.hidden</c>, ...) is refused by name
/// rather than kept without effect; an unknown one is Elasticsearch's "unknown setting".
/// </summary>
internal static class IndexSettingDefinitions
{
    private enum Kind
    {
        /// <summary>Dynamic, and the store acts on it (or it cannot change anything on one node).</summary>
        Dynamic,

        /// <summary>Updatable on closed indices only.</summary>
        Static,

        /// <summary>Fixed at creation.</summary>
        Final,

        /// <summary>Set by the cluster, never by a request.</summary>
        Private,

        /// <summary>Known to Elasticsearch, with an effect the store does not have.</summary>
        Unsupported,
    }

    // Exact keys: kind and the default include_defaults shows (null: none shown).
    private static readonly Dictionary<string, (Kind Kind, string? Default)> Keys = new(StringComparer.Ordinal)
    {
        ["index.number_of_shards"] = (Kind.Final, "1"),
        ["index.number_of_routing_shards"] = (Kind.Final, null),
        ["index.number_of_replicas"] = (Kind.Dynamic, "1"),
        ["index.auto_expand_replicas"] = (Kind.Dynamic, "false"),
        ["index.refresh_interval"] = (Kind.Dynamic, "1s"),
        ["index.max_terms_count"] = (Kind.Dynamic, "65536"),
        ["index.max_regex_length"] = (Kind.Dynamic, "1000"),
        ["index.query_string.lenient"] = (Kind.Dynamic, "false"),
        ["index.translog.durability"] = (Kind.Dynamic, "REQUEST"),
        ["index.translog.sync_interval"] = (Kind.Dynamic, "5s"),
        ["index.translog.flush_threshold_size"] = (Kind.Dynamic, "10gb"),
        ["index.translog.generation_threshold_size"] = (Kind.Dynamic, "64mb"),
        ["index.priority"] = (Kind.Dynamic, "1"),
        ["index.unassigned.node_left.delayed_timeout"] = (Kind.Dynamic, "1m"),
        ["index.requests.cache.enable"] = (Kind.Dynamic, "true"),
        ["index.search.idle.after"] = (Kind.Dynamic, "30s"),
        ["index.gc_deletes"] = (Kind.Dynamic, "60s"),
        ["index.max_refresh_listeners"] = (Kind.Dynamic, "1000"),
        ["index.soft_deletes.retention_lease.period"] = (Kind.Dynamic, "12h"),
        ["index.codec"] = (Kind.Static, "default"),
        ["index.store.type"] = (Kind.Static, string.Empty),
        ["index.shard.check_on_startup"] = (Kind.Static, "false"),
        ["index.queries.cache.enabled"] = (Kind.Static, "true"),
        ["index.load_fixed_bitset_filters_eagerly"] = (Kind.Static, "true"),
        ["index.soft_deletes.enabled"] = (Kind.Final, "true"),
        ["index.mode"] = (Kind.Final, "standard"),
        ["index.uuid"] = (Kind.Private, null),
        ["index.creation_date"] = (Kind.Private, null),
        ["index.provided_name"] = (Kind.Private, null),
        ["index.version.created"] = (Kind.Private, null),
        [IndexSettings.VerifiedBeforeClose] = (Kind.Private, null),
        ["index.hidden"] = (Kind.Unsupported, "false"),
        ["index.max_result_window"] = (Kind.Unsupported, "10000"),
        ["index.max_inner_result_window"] = (Kind.Unsupported, "100"),
        ["index.max_rescore_window"] = (Kind.Unsupported, "10000"),
        ["index.max_docvalue_fields_search"] = (Kind.Unsupported, "100"),
        ["index.max_script_fields"] = (Kind.Unsupported, "32"),
        ["index.max_slices_per_scroll"] = (Kind.Unsupported, "1024"),
        ["index.default_pipeline"] = (Kind.Unsupported, "_none"),
        ["index.final_pipeline"] = (Kind.Unsupported, "_none"),
        ["index.write.wait_for_active_shards"] = (Kind.Unsupported, "1"),
        ["index.blocks.read_only"] = (Kind.Dynamic, "false"),
        ["index.blocks.read_only_allow_delete"] = (Kind.Dynamic, "false"),
        ["index.blocks.read"] = (Kind.Dynamic, "false"),
        ["index.blocks.write"] = (Kind.Dynamic, "false"),
        ["index.blocks.metadata"] = (Kind.Unsupported, "false"),
    };

    // Groups of keys by prefix: the routing/allocation, slow log and merge knobs change nothing one node can show;
    // analysis and similarity are static; index.mapping.* are the mapping settings (read where the store implements them).
    private static readonly (string Prefix, Kind Kind)[] Prefixes =
    [
        ("index.routing.allocation.", Kind.Dynamic),
        ("index.routing.rebalance.", Kind.Dynamic),
        ("index.search.slowlog.", Kind.Dynamic),
        ("index.indexing.slowlog.", Kind.Dynamic),
        ("index.merge.", Kind.Dynamic),
        ("index.translog.retention.", Kind.Dynamic),
        ("index.mapping.", Kind.Dynamic),
        ("index.analysis.", Kind.Static),
        ("index.similarity.", Kind.Static),
        ("index.sort.", Kind.Final),
    ];

    /// <summary>The defaults of known settings an index does not set (<c>include_defaults</c>).</summary>
    public static IEnumerable<KeyValuePair<string, string>> DefaultsFor(IReadOnlyDictionary<string, string> settings) =>
        Keys.Where(k => k.Value.Default is not null && !settings.ContainsKey(k.Key))
            .Select(k => new KeyValuePair<string, string>(k.Key, k.Value.Default!))
            .OrderBy(k => k.Key, StringComparer.Ordinal);

    /// <summary>Whether the setting may change on an open index (otherwise only on closed ones); refuses what may never change.</summary>
    public static bool CheckUpdatable(string key)
    {
        var kind = KindOf(key);
        return kind switch
        {
            Kind.Dynamic => true,
            Kind.Static => false,
            Kind.Final => throw StoreException.IllegalArgument("final index setting [" + key + "], not updateable"),
            Kind.Private => throw StoreException.IllegalArgument("private index setting [" + key + "] can not be set explicitly"),
            Kind.Unsupported => throw StoreException.IllegalArgument("index setting [" + key + "] is not supported by this store"),
            _ => throw StoreException.IllegalArgument("unknown setting [" + key + "] please check that any required plugins are installed, or check the breaking changes documentation for removed settings"),
        };
    }

    private static Kind? KindOf(string key)
    {
        if (Keys.TryGetValue(key, out var known))
        {
            return known.Kind;
        }

        foreach (var (prefix, kind) in Prefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
