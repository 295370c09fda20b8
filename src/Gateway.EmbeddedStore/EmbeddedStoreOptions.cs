using System.ComponentModel.DataAnnotations;

namespace Gateway.EmbeddedStore;

/// <summary>
/// Configuration of the embedded Elasticsearch-compatible store (section <c>EmbeddedStore</c>).
/// </summary>
public sealed class EmbeddedStoreOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "EmbeddedStore";

    /// <summary>
    /// Folder holding the translog and snapshots. Default <c>embedded-store</c>: the gateway host resolves relative
    /// paths against its data folder (<c>Gateway:DataFolder</c>); used on its own, against the current directory.
    /// </summary>
    [Required]
    public string DataPath { get; set; } = "embedded-store";

    /// <summary>Largest accepted request body in bytes; larger bodies get a 413. Default 100 MB (Elasticsearch's <c>http.max_content_length</c>).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// When set (e.g. <c>http://127.0.0.1:9201</c>), the REST API is also served on this loopback
    /// address so that any HTTP client can use it. Null: in-process only.
    /// </summary>
    public string? ListenUrl { get; set; }

    /// <summary>Node name reported by <c>GET /</c>.</summary>
    [Required]
    public string NodeName { get; set; } = "embedded-node";

    /// <summary>Cluster name reported by <c>GET /</c> and <c>GET /_cluster/health</c>.</summary>
    [Required]
    public string ClusterName { get; set; } = "embedded";

    /// <summary>
    /// Translog size after which a snapshot is written and the translog is truncated, so that
    /// start-up replays little. Default 256 MB.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long TranslogSnapshotThresholdBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Whether every acknowledged write is fsynced before the answer (Elasticsearch's
    /// <c>index.translog.durability: request</c>). Default true; false trades durability for speed.
    /// </summary>
    public bool SyncOnWrite { get; set; } = true;

    /// <summary>
    /// Most scrolls open at once (Elasticsearch's <c>search.max_open_scroll_context</c>, default 500); one more
    /// answers 429 <c>too_many_scroll_contexts_exception</c> until one is cleared or expires.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxOpenScrollContexts { get; set; } = 500;

    /// <summary>
    /// The node's <c>action.destructive_requires_name</c> (Elasticsearch's default, true): deleting or closing
    /// <c>_all</c> or <c>*</c> is refused. The cluster setting of the same name overrides it.
    /// </summary>
    public bool DestructiveRequiresName { get; set; } = true;
}
