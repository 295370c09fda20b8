using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// Elasticsearch's index blocks (<c>index.blocks.*</c> settings): <c>write</c> and <c>read_only</c> refuse document
/// writes, <c>read_only_allow_delete</c> refuses them except deletes, <c>read</c> refuses searches and gets; each with
/// Elasticsearch's <c>cluster_block_exception</c>. (<c>index.blocks.metadata</c> is not implemented and refused.)
/// </summary>
internal static class IndexBlocks
{
    public const string Write = "index.blocks.write";
    public const string ReadOnly = "index.blocks.read_only";
    public const string ReadOnlyAllowDelete = "index.blocks.read_only_allow_delete";
    public const string Read = "index.blocks.read";

    /// <summary>The block a document write (or delete) of <paramref name="index"/> meets, if any.</summary>
    public static StoreError? ForWrite(IndexState index, bool isDelete = false) =>
        On(index, ReadOnly) ? Blocked(index, 403, "FORBIDDEN/5/index read-only (api)")
        : On(index, Write) ? Blocked(index, 403, "FORBIDDEN/8/index write (api)")
        : On(index, ReadOnlyAllowDelete) && !isDelete
            ? Blocked(index, 429, "TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block; for more information, see https://www.elastic.co/docs/troubleshoot/elasticsearch/fix-watermark-errors")
        : null;

    /// <summary>The block a search or get of <paramref name="index"/> meets, if any.</summary>
    public static StoreError? ForRead(IndexState index) =>
        On(index, Read) ? Blocked(index, 403, "FORBIDDEN/7/index read (api)") : null;

    private static bool On(IndexState index, string key) => index.Settings.GetValueOrDefault(key) == "true";

    private static StoreError Blocked(IndexState index, int status, string block) =>
        new(status, "cluster_block_exception", "index [" + index.Name + "] blocked by: [" + block + "];", null);
}
