using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search;

/// <summary>One concrete index a search runs on, after aliases and wildcards were resolved.</summary>
/// <param name="IndexName">The concrete index name, reported as <c>_index</c> in hits.</param>
/// <param name="Mapping">The index mapping at the time of the search.</param>
/// <param name="Shard">The index's searchable data.</param>
/// <param name="AliasFilter">An alias's filter (a query DSL object) to apply, if reached through a filtered alias.</param>
/// <param name="Aliases">The index's aliases (<c>indices_boost</c> may name them).</param>
/// <param name="Settings">The index's flat settings (<c>index.max_terms_count</c> …); null = defaults.</param>
internal sealed record SearchTarget(
    string IndexName,
    IndexMapping Mapping,
    ISearchShard Shard,
    System.Text.Json.Nodes.JsonObject? AliasFilter = null,
    IReadOnlyCollection<string>? Aliases = null,
    IReadOnlyDictionary<string, string>? Settings = null)
{
    /// <summary>The index's <c>index.mapping.exclude_source_vectors</c>: hits leave dense_vector values out of <c>_source</c> unless asked.</summary>
    internal bool ExcludeSourceVectors { get; init; }

    /// <summary>A snapshot held by a scroll or point in time: searched instead of the shard's current one.</summary>
    internal ShardSnapshot? Pinned { get; init; }

    /// <summary>This target with its shard's current snapshot pinned (what a scroll or point in time keeps).</summary>
    internal SearchTarget Pin() => this with
    {
        Pinned = Pinned ?? (Shard is SearchShard shard ? shard.Snapshot : throw new NotSupportedException("Search targets must use shards created by SearchService.")),
    };
}
