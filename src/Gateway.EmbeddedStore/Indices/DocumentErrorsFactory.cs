using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>Document-level errors carrying Elasticsearch's index and shard metadata.</summary>
internal static class DocumentErrorsFactory
{
    public static StoreException Conflict(IndexState index, string reason) =>
        WithShard(new StoreException(409, "version_conflict_engine_exception", reason, index.Name) { IndexUuid = index.Uuid });

    public static StoreException Missing(IndexState index, string id) =>
        WithShard(new StoreException(404, "document_missing_exception", "[" + id + "]: document missing", index.Name) { IndexUuid = index.Uuid });

    private static StoreException WithShard(StoreException error)
    {
        error.Metadata["shard"] = "0";
        return error;
    }
}
