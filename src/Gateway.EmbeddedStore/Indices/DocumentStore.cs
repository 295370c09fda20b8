using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Storage;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// Document writes with Elasticsearch's versioning: parse and validate, check concurrency
/// control, assign version and sequence number, log, apply to the document table and the
/// search shard. Parsing runs outside the index lock; a concurrent mapping change re-parses.
/// A version conflict is a <see cref="StoreError"/> value, found before anything is logged, so a
/// refused write leaves neither the translog nor the index changed; malformed options and
/// documents are refused by <see cref="StoreException"/> before the write starts.
/// </summary>
internal sealed class DocumentStore
{
    private readonly IndexCatalog _catalog;
    private readonly StoreGate _gate;

    public DocumentStore(IndexCatalog catalog, StoreGate gate)
    {
        _catalog = catalog;
        _gate = gate;
    }

    public StoreResult<WriteOutcome> Index(IndexState index, string id, byte[] source, WriteOptions options) =>
        Index(index, id, source, options, null);

    /// <summary>Indexes a source that was parsed ahead (<see cref="PreparedSource"/>).</summary>
    public StoreResult<WriteOutcome> Index(IndexState index, string id, PreparedSource prepared, WriteOptions options) =>
        Index(index, id, prepared.Source, options, prepared);

    private StoreResult<WriteOutcome> Index(IndexState index, string id, byte[] source, WriteOptions options, PreparedSource? prepared)
    {
        ValidateOptions(options);
        if (IndexBlocks.ForWrite(index) is { } blocked)
        {
            return blocked;
        }

        var (mapping, parsed) = Parse(index, id, source, prepared);
        Search.Nested.NestedPaths.CheckObjectsLimit(parsed.Document, mapping.Compiled, index.Settings);
        using (_gate.Shared())
        {
            lock (index.WriteLock)
            {
                if (parsed.NewMapping is not null && !ReferenceEquals(mapping, index.Mapping))
                {
                    parsed = DocumentParser.Parse(id, source, index.Mapping, 0, 0, 0);
                }

                index.Documents.TryGetValue(id, out var existing);
                var live = existing is { Deleted: false } ? existing : null;
                if (options.CreateOnly && live is not null)
                {
                    return DocumentErrorsFactory.Conflict(index, "[" + id + "]: version conflict, document already exists (current version [" + live.Version + "])");
                }

                if (CheckSeqNo(index, id, live, options) is { } conflict)
                {
                    return conflict;
                }

                if (!NextVersion(index, id, existing, options).TryGetValue(out var version, out var refused))
                {
                    return refused;
                }

                var seqNo = index.SeqNo + 1;
                if (parsed.NewMapping is { } newMapping)
                {
                    _catalog.Log.Append(new LogRecord { Op = LogOp.PutMapping, IndexUuid = index.Uuid, Mapping = IndexCatalog.Json(newMapping.Root) });
                    index.Mapping = newMapping;
                    index.Shard.MappingChanged(newMapping.Compiled);
                }

                var position = _catalog.Log.Append(new LogRecord
                {
                    Op = LogOp.IndexDoc,
                    IndexUuid = index.Uuid,
                    Id = id,
                    Version = version,
                    SeqNo = seqNo,
                    PrimaryTerm = index.PrimaryTerm,
                    Source = source,
                });
                Apply(index, id, parsed.Document, source, version, seqNo);
                return new WriteOutcome(index, id, live is null ? "created" : "updated", version, seqNo, index.PrimaryTerm, position);
            }
        }
    }

    public StoreResult<WriteOutcome> Delete(IndexState index, string id, WriteOptions options)
    {
        ValidateOptions(options);
        if (IndexBlocks.ForWrite(index, isDelete: true) is { } blocked)
        {
            return blocked;
        }

        using (_gate.Shared())
        {
            lock (index.WriteLock)
            {
                index.Documents.TryGetValue(id, out var existing);
                var live = existing is { Deleted: false } ? existing : null;
                if (CheckSeqNo(index, id, live, options) is { } conflict)
                {
                    return conflict;
                }

                if (!NextVersion(index, id, existing, options).TryGetValue(out var version, out var refused))
                {
                    return refused;
                }

                var seqNo = index.SeqNo + 1;
                var position = _catalog.Log.Append(new LogRecord
                {
                    Op = LogOp.DeleteDoc,
                    IndexUuid = index.Uuid,
                    Id = id,
                    Version = version,
                    SeqNo = seqNo,
                    PrimaryTerm = index.PrimaryTerm,
                });
                ApplyDelete(index, id, version, seqNo);
                return new WriteOutcome(index, id, live is null ? "not_found" : "deleted", version, seqNo, index.PrimaryTerm, position);
            }
        }
    }

    // A prepared parse stands for the mapping it used; under the lock below a result that adds
    // fields is re-parsed when the mapping moved on, as for any parse outside the lock.
    private static (MappingState Mapping, DocumentParser.Result Parsed) Parse(IndexState index, string id, byte[] source, PreparedSource? prepared)
    {
        var mapping = index.Mapping;
        if (prepared is not null && ReferenceEquals(prepared.Index, index))
        {
            if (prepared.Result is { } result)
            {
                return (prepared.Mapping, result);
            }

            if (prepared.Error is { } error && ReferenceEquals(prepared.Mapping, mapping))
            {
                throw error;
            }
        }

        return (mapping, DocumentParser.Parse(id, source, mapping, 0, 0, 0));
    }

    /// <summary>Applies an indexed document (also used by recovery). Caller holds the index lock.</summary>
    public static void Apply(IndexState index, string id, ParsedDocument parsed, byte[] source, long version, long seqNo)
    {
        var document = new ParsedDocument
        {
            Id = id,
            SourceBytes = source,
            Version = version,
            SeqNo = seqNo,
            PrimaryTerm = index.PrimaryTerm,
            Fields = parsed.Fields,
        };
        var previous = index.Documents.GetValueOrDefault(id);
        index.Documents[id] = new DocEntry(document, source, version, seqNo, index.PrimaryTerm);
        if (previous is null or { Deleted: true })
        {
            index.LiveCount++;
        }

        index.SeqNo = Math.Max(index.SeqNo, seqNo);
        index.Shard.Upsert(document);
        index.MarkPending();
    }

    /// <summary>Applies a delete (also used by recovery). Caller holds the index lock.</summary>
    public static void ApplyDelete(IndexState index, string id, long version, long seqNo)
    {
        var previous = index.Documents.GetValueOrDefault(id);
        index.Documents[id] = new DocEntry(null, null, version, seqNo, index.PrimaryTerm);
        if (previous is { Deleted: false })
        {
            index.LiveCount--;
            index.Shard.Delete(id);
            index.MarkPending();
        }

        index.SeqNo = Math.Max(index.SeqNo, seqNo);
    }

    private static void ValidateOptions(WriteOptions options)
    {
        if (options.CreateOnly && options.VersionType != "internal")
        {
            throw new StoreException(400, "action_request_validation_exception",
                "Validation Failed: 1: create operations only support internal versioning. use index instead;");
        }

        if (options.Version is not null && options.VersionType == "internal")
        {
            throw new StoreException(400, "action_request_validation_exception",
                "Validation Failed: 1: internal versioning can not be used for optimistic concurrency control. Please use `if_seq_no` and `if_primary_term` instead;");
        }

        if (options.VersionType is not ("internal" or "external" or "external_gte"))
        {
            throw StoreException.IllegalArgument("No version type match [" + options.VersionType + "]");
        }

        if (options.VersionType != "internal" && options.Version is null)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: an external version is required;");
        }

        if (options.VersionType != "internal" && options.IfSeqNo is not null)
        {
            throw new StoreException(400, "action_request_validation_exception",
                "Validation Failed: 1: compare and write operations can not be used with version type [" + options.VersionType + "];");
        }

        if ((options.IfSeqNo is null) != (options.IfPrimaryTerm is null))
        {
            throw new StoreException(400, "action_request_validation_exception",
                options.IfSeqNo is null ? "Validation Failed: 1: ifSeqNo is unassigned, but primary term is [" + options.IfPrimaryTerm + "];" : "Validation Failed: 1: ifSeqNo is set, but primary term is [0];");
        }
    }

    /// <summary>The 409 of Elasticsearch when <c>if_seq_no</c>/<c>if_primary_term</c> do not name <paramref name="live"/>; null when they do or are absent.</summary>
    internal static StoreError? CheckSeqNo(IndexState index, string id, DocEntry? live, WriteOptions options)
    {
        if (options.IfSeqNo is not { } seqNo)
        {
            return null;
        }

        var term = options.IfPrimaryTerm!.Value;
        if (live is null)
        {
            return DocumentErrorsFactory.Conflict(index, "[" + id + "]: version conflict, required seqNo [" + seqNo + "], primary term [" + term + "]. but no document was found");
        }

        if (live.SeqNo != seqNo || live.PrimaryTerm != term)
        {
            return DocumentErrorsFactory.Conflict(index, "[" + id + "]: version conflict, required seqNo [" + seqNo + "], primary term [" + term + "]. current document has seqNo [" + live.SeqNo + "] and primary term [" + live.PrimaryTerm + "]");
        }

        return null;
    }

    private static StoreResult<long> NextVersion(IndexState index, string id, DocEntry? existing, WriteOptions options)
    {
        if (options.VersionType == "internal")
        {
            return (existing?.Version ?? 0) + 1;
        }

        var given = options.Version!.Value;
        if (existing is { Deleted: false } current)
        {
            var ok = options.VersionType == "external_gte" ? given >= current.Version : given > current.Version;
            if (!ok)
            {
                return DocumentErrorsFactory.Conflict(index, "[" + id + "]: version conflict, current version [" + current.Version + "] is higher or equal to the one provided [" + given + "]");
            }
        }

        return given;
    }
}
