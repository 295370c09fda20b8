using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Storage;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>
/// The <c>_update</c> API: partial document merge, <c>upsert</c>, <c>doc_as_upsert</c> and
/// <c>detect_noop</c>, or a Painless <c>script</c> over <c>ctx</c> (with <c>upsert</c> and <c>scripted_upsert</c>),
/// atomically under the index write lock.
/// </summary>
internal sealed class DocumentUpdater
{
    private readonly DocumentStore _documents;
    private readonly StoreGate _gate;
    private readonly TimeProvider _time;
    private readonly StoredScripts _scripts;

    public DocumentUpdater(DocumentStore documents, StoreGate gate, TimeProvider time, StoredScripts scripts)
    {
        _documents = documents;
        _gate = gate;
        _time = time;
        _scripts = scripts;
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
        ScriptDefinition? script = null;
        bool docAsUpsert = false, detectNoop = true, scriptedUpsert = false;
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
                case "scripted_upsert":
                    scriptedUpsert = value?.GetValueKind() == JsonValueKind.True;
                    break;
                case "_source":
                    break;
                case "script":
                    script = FailedToExecute(() => ScriptDefinition.Parse(value, _scripts));
                    break;
                default:
                    throw StoreException.Parsing("[UpdateRequest] unknown field [" + key + "]");
            }
        }

        Validate(doc, script, docAsUpsert);

        DocumentStore.CheckRouting(index, id, options);
        // Gate before index lock: the same order as every other writer (see StoreGate).
        using var shared = _gate.Shared();
        lock (index.WriteLock)
        {
            index.Documents.TryGetValue(id, out var existing);
            if (existing is null or { Deleted: true } || !ShardRouting.Reaches(index, id, options.Routing, existing.Routing))
            {
                if (script is not null && scriptedUpsert && upsert is not null && options.IfSeqNo is null)
                {
                    return ScriptedUpsert(index, id, script, upsert, options);
                }

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

            if (script is not null)
            {
                return Scripted(index, id, existing, script, options);
            }

            var current = index.Mapping.Compiled.Source.Stored(JsonNode.Parse(existing.Source!)!.AsObject()) ?? throw Mapping.SourceField.Missing(index.Name, id);
            var changed = Merge(current, doc!);
            if (!changed && detectNoop)
            {
                return new UpdateResult(new WriteOutcome(index, id, "noop", existing.Version, existing.SeqNo, existing.PrimaryTerm, 0), existing.Source);
            }

            var merged = JsonSerializer.SerializeToUtf8Bytes(current);
            return Written(_documents.Index(index, id, merged, options), merged);
        }
    }

    /// <summary>Elasticsearch's <c>UpdateRequest.validate</c>: every problem, numbered, in one 400.</summary>
    private static void Validate(JsonObject? doc, ScriptDefinition? script, bool docAsUpsert)
    {
        var problems = new List<string>();
        if (script is null && doc is null)
        {
            problems.Add("script or doc is missing");
        }

        if (script is not null && doc is not null)
        {
            problems.Add("can't provide both script and doc");
        }

        if (doc is null && docAsUpsert)
        {
            problems.Add("doc must be specified if doc_as_upsert is enabled");
        }

        if (problems.Count > 0)
        {
            throw new StoreException(400, "action_request_validation_exception",
                "Validation Failed: " + string.Concat(problems.Select((p, i) => (i + 1) + ": " + p + ";")));
        }
    }

    // The script runs over the current source; op index writes it (always a new version: ES does no noop detection
    // for scripts), noop leaves the document alone, delete deletes it.
    private StoreResult<UpdateResult> Scripted(IndexState index, string id, DocEntry existing, ScriptDefinition script, WriteOptions options)
    {
        var ctx = ScriptCtx.Create(CtxKind.Update, index.Name, id, existing.Version, null, _time.GetUtcNow().ToUnixTimeMilliseconds(), ScriptJson.FromBytes(existing.Source));
        Run(script, ctx);
        switch (ScriptCtx.Operation(ctx))
        {
            case "noop":
                return new UpdateResult(new WriteOutcome(index, id, "noop", existing.Version, existing.SeqNo, existing.PrimaryTerm, 0), existing.Source);
            case "delete":
                return Written(_documents.Delete(index, id, options), existing.Source!);
            default:
                var bytes = JsonSerializer.SerializeToUtf8Bytes(ScriptJson.ToObject(ScriptCtx.SourceOf(ctx)));
                return Written(_documents.Index(index, id, bytes, options), bytes);
        }
    }

    // scripted_upsert: the script runs over the upsert document, with op create (or noop to write nothing).
    private StoreResult<UpdateResult> ScriptedUpsert(IndexState index, string id, ScriptDefinition script, JsonObject upsert, WriteOptions options)
    {
        var ctx = ScriptCtx.Create(CtxKind.Upsert, index.Name, id, null, null, _time.GetUtcNow().ToUnixTimeMilliseconds(), ScriptJson.FromObject(upsert));
        Run(script, ctx);
        if (ScriptCtx.Operation(ctx) == "noop")
        {
            return new UpdateResult(new WriteOutcome(index, id, "noop", -1, -2, 0, 0), null);
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(ScriptJson.ToObject(ScriptCtx.SourceOf(ctx)));
        return Written(_documents.Index(index, id, bytes, options), bytes);
    }

    private static void Run(ScriptDefinition script, ScriptMap ctx)
    {
        var bindings = new ScriptBindings();
        bindings.Variables["ctx"] = ctx;
        bindings.Variables["params"] = script.Parameters();
        FailedToExecute(() => script.Execute(bindings));
    }

    // Elasticsearch's UpdateHelper wraps any failure of compiling or running the script (its script_exception) in
    // illegal_argument_exception "failed to execute script".
    private static T FailedToExecute<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (StoreException e) when (e.Type == "script_exception")
        {
            throw new StoreException(400, "illegal_argument_exception", "failed to execute script") { CausedBy = e };
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
