using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>Document-level errors (values) carrying Elasticsearch's index and shard metadata.</summary>
internal static class DocumentErrorsFactory
{
    public static StoreError Conflict(IndexState index, string reason) =>
        new(409, "version_conflict_engine_exception", reason, index.Name) { IndexUuid = index.Uuid, Metadata = { ["shard"] = "0" } };

    public static StoreError Missing(IndexState index, string id) =>
        new(404, "document_missing_exception", "[" + id + "]: document missing", index.Name) { IndexUuid = index.Uuid, Metadata = { ["shard"] = "0" } };
}
