namespace Gateway.EmbeddedStore.Scripting;

/// <summary>The write contexts whose scripts get a <c>ctx</c> map, each with Elasticsearch's own metadata rules.</summary>
internal enum CtxKind
{
    /// <summary><c>_update</c> of an existing document: metadata read-only, <c>op</c> index, noop or delete.</summary>
    Update,

    /// <summary><c>_update</c> with <c>scripted_upsert</c> of a missing document: <c>op</c> create or noop.</summary>
    Upsert,

    /// <summary><c>_update_by_query</c>: metadata read-only, <c>op</c> index, noop or delete.</summary>
    UpdateByQuery,

    /// <summary><c>_reindex</c>: <c>_index</c>, <c>_id</c>, <c>_version</c> and <c>_routing</c> may change; <c>op</c> index, noop or delete.</summary>
    Reindex,
}
