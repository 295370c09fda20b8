using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Storage;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// The <c>_update</c> API: partial document merge, <c>upsert</c>, <c>doc_as_upsert</c> and
/// <c>detect_noop</c>, atomically under the index write lock. Scripts are not supported.
/// </summary>
internal sealed class DocumentUpdater
{
    private readonly DocumentStore _documents;
    private readonly StoreGate _gate;

    public DocumentUpdater(DocumentStore documents, StoreGate gate)
    {
        _documents = documents;
        _gate = gate;
    }

    /// <summary>The outcome and the resulting source (for <c>get</c> in the answer).</summary>
    public readonly record struct UpdateResult(WriteOutcome Outcome, byte[]? Source);

    /// <summary>
    /// Applies the update; a missing document (without upsert) or a version conflict is the returned error.
    /// A malformed body is refused by <see cref="StoreException"/> before anything is read or written.
    /// </summary>
    public StoreResult<UpdateResult> Update(IndexState index, string id, JsonObject body, WriteOptions options)
    {
        JsonObject? doc = null, upsert = null;
        bool docAsUpsert = false, detectNoop = true;
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "doc":
                    doc = value as JsonObject ?? throw StoreException.Parsing("[UpdateRequest] doc doesn't support values of type: " + Kind(value));
                    break;
                case "upsert":
                    upsert = value as JsonObject ?? throw StoreException.Parsing("[UpdateRequest] upsert doesn't support values of type: " + Kind(value));
                    break;
                case "doc_as_upsert":
                    docAsUpsert = value?.GetValueKind() == JsonValueKind.True;
                    break;
                case "detect_noop":
                    detectNoop = value?.GetValueKind() != JsonValueKind.False;
                    break;
                case "_source" or "scripted_upsert":
                    break;
                case "script":
                    throw StoreException.IllegalArgument("[script] updates are not supported by the embedded store; send a partial [doc] instead");
                default:
                    throw StoreException.Parsing("[UpdateRequest] unknown field [" + key + "]");
            }
        }

        if (doc is null)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: script or doc is missing;");
        }

        DocumentStore.CheckRouting(index, id, options);
        // Gate before index lock: the same order as every other writer (see StoreGate).
        using var shared = _gate.Shared();
        lock (index.WriteLock)
        {
            index.Documents.TryGetValue(id, out var existing);
            if (existing is null or { Deleted: true } || !ShardRouting.Reaches(index, id, options.Routing, existing.Routing))
            {
                var created = docAsUpsert ? doc : upsert;
                if (created is null || options.IfSeqNo is not null)
                {
                    return DocumentErrorsFactory.Missing(index, id);
                }

                var bytes = JsonSerializer.SerializeToUtf8Bytes(created);
                return Written(_documents.Index(index, id, bytes, options), bytes);
            }

            // A stale if_seq_no is a conflict even when the update would change nothing.
            if (DocumentStore.CheckSeqNo(index, id, existing, options) is { } conflict)
            {
                return conflict;
            }

            var current = index.Mapping.Compiled.Source.Stored(JsonNode.Parse(existing.Source!)!.AsObject()) ?? throw Mapping.SourceField.Missing(index.Name, id);
            var changed = Merge(current, doc);
            if (!changed && detectNoop)
            {
                return new UpdateResult(new WriteOutcome(index, id, "noop", existing.Version, existing.SeqNo, existing.PrimaryTerm, 0), existing.Source);
            }

            var merged = JsonSerializer.SerializeToUtf8Bytes(current);
            return Written(_documents.Index(index, id, merged, options), merged);
        }
    }

    private static StoreResult<UpdateResult> Written(StoreResult<WriteOutcome> written, byte[] source) =>
        written.TryGetValue(out var outcome, out var error) ? new UpdateResult(outcome, source) : error;

    /// <summary>Merges <paramref name="changes"/> into <paramref name="target"/> like Elasticsearch (objects recursively, everything else replaced).</summary>
    public static bool Merge(JsonObject target, JsonObject changes)
    {
        var changed = false;
        foreach (var (key, value) in changes)
        {
            if (value is JsonObject nested && target[key] is JsonObject existing)
            {
                changed |= Merge(existing, nested);
                continue;
            }

            if (!target.ContainsKey(key) || !JsonNode.DeepEquals(target[key], value))
            {
                target[key] = value?.DeepClone();
                changed = true;
            }
        }

        return changed;
    }

    private static string Kind(JsonNode? value) => value?.GetValueKind().ToString().ToUpperInvariant() ?? "NULL";
}
