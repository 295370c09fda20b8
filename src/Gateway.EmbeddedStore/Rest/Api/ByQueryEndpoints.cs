using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;
using Gateway.EmbeddedStore.Scripting;
using Gateway.EmbeddedStore.Search;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>_delete_by_query</c>, <c>_update_by_query</c> (each match is indexed again, as ES does to pick up mapping changes,
/// or changed by a Painless <c>script</c> whose <c>ctx.op</c> may also be noop or delete) and local <c>_reindex</c>
/// (with a script that may also change <c>ctx._index</c>, <c>_id</c> and <c>_version</c>). Matches are taken from the indices' current snapshots; each write
/// checks the sequence number it saw, so a document changed meanwhile is a version conflict (counted with
/// <c>conflicts=proceed</c>, else the run stops there). Every failure is reported per document; nothing is lost.
/// </summary>
internal sealed class ByQueryEndpoints(EmbeddedStore store, SearchEndpoints search)
{
    private const int DefaultBatch = 1000;

    private SearchService Service => store.Search as SearchService
        ?? throw new NotSupportedException("By-query APIs need the store's own SearchService.");

    public void Register(RestRouter router)
    {
        router.Add("POST", "/{index}/_delete_by_query", DeleteByQueryAsync);
        router.Add("POST", "/{index}/_update_by_query", UpdateByQueryAsync);
        router.Add("POST", "/_reindex", ReindexAsync);
    }

    private async ValueTask<RestResponse> DeleteByQueryAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var started = store.Time.GetTimestamp();
        var body = RestJson.RequiredObject(request);
        var (query, maxDocs, proceed) = ByQueryBody(request, body);
        var outcome = new ByQueryOutcome { BatchSize = request.IntParam("scroll_size") ?? DefaultBatch };
        if (await WriteEachAsync(request, query, maxDocs, proceed, outcome, (_, _) => Planned.Delete, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return ErrorRenderer.Render(missing);
        }

        return RestResponse.Json(outcome.Status, outcome.Render(Took(started), created: false, updated: false, deleted: true));
    }

    private async ValueTask<RestResponse> UpdateByQueryAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var started = store.Time.GetTimestamp();
        var body = RestJson.OptionalObject(request) ?? [];
        var script = body["script"] is { } scriptJson ? ScriptDefinition.Parse(scriptJson, store.Scripts) : null;
        body.Remove("script");
        RefusePipeline(request.Param("pipeline"));
        var (query, maxDocs, proceed) = ByQueryBody(request, body);
        var outcome = new ByQueryOutcome { BatchSize = request.IntParam("scroll_size") ?? DefaultBatch };
        var withVersion = request.Flag("version", false);
        Func<IndexState, ParsedDocument, Planned> plan = script is null
            ? (_, doc) => new Planned("index", doc.SourceBytes.ToArray())
            : (index, doc) => RunScript(script, CtxKind.UpdateByQuery, index.Name, doc, withVersion ? doc.Version : -1).Plan;
        if (await WriteEachAsync(request, query, maxDocs, proceed, outcome, plan, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return ErrorRenderer.Render(missing);
        }

        return RestResponse.Json(outcome.Status, outcome.Render(Took(started), created: false, updated: true, deleted: true));
    }

    /// <summary>What a by-query run does with one match: <c>index</c> (the source given), <c>delete</c> or <c>noop</c>.</summary>
    private readonly record struct Planned(string Op, byte[]? Source)
    {
        public static Planned Delete { get; } = new("delete", null);
    }

    /// <summary>
    /// The loop shared by delete- and update-by-query: plans each match (a script's failure fails the whole request,
    /// as in Elasticsearch), writes it with its seen version, counts noops, version
    /// conflicts (stopping at the first unless <c>conflicts: proceed</c>), records any other refusal as the
    /// document's failure and stops, then refreshes what was touched as the request asks. Stopping ends the run after
    /// the current batch of <c>scroll_size</c>, as in Elasticsearch, which sends each batch as one bulk request whose
    /// other items are written (and stay written). A missing index is the
    /// returned error (nothing is written).
    /// </summary>
    private async ValueTask<StoreError?> WriteEachAsync(
        RestRequest request,
        JsonObject query,
        long? maxDocs,
        bool proceed,
        ByQueryOutcome outcome,
        Func<IndexState, ParsedDocument, Planned> plan,
        CancellationToken cancellationToken)
    {
        var touched = new HashSet<IndexState>();
        long position = 0;
        if (!Matches(request, query, maxDocs, cancellationToken).TryGetValue(out var matches, out var missing))
        {
            return missing;
        }

        outcome.Total = matches.Count;
        foreach (var (indexName, doc) in FailedOnCopies(request, Owner(matches), matches, outcome) ? [] : matches)
        {
            if (!outcome.NextItem())
            {
                break;
            }

            var index = store.Catalog.Find(indexName)!;
            Planned planned;
            try
            {
                planned = plan(index, doc);
            }
            catch (StoreException)
            {
                await FinishAsync(request, touched, position, cancellationToken).ConfigureAwait(false);
                throw;
            }

            if (planned.Op == "noop")
            {
                outcome.Noops++;
                continue;
            }

            StoreError? refused;
            try
            {
                var write = planned.Op == "delete"
                    ? store.Documents.Delete(index, doc.Id, SameVersion(doc))
                    : store.Documents.Index(index, doc.Id, planned.Source!, SameVersion(doc));
                if (write.TryGetValue(out var written, out refused))
                {
                    position = Math.Max(position, written.Position);
                    touched.Add(index);
                    if (planned.Op == "delete")
                    {
                        outcome.Deleted++;
                    }
                    else
                    {
                        outcome.Updated++;
                    }

                    continue;
                }
            }
            catch (StoreException e)
            {
                refused = e.ToError();
            }

            if (!Refused(outcome, indexName, doc.Id, refused, proceed))
            {
                outcome.StopAfterThisBatch();
            }
        }

        await FinishAsync(request, touched, position, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async ValueTask<RestResponse> ReindexAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var started = store.Time.GetTimestamp();
        var body = RestJson.RequiredObject(request);
        var script = body["script"] is { } scriptJson ? ScriptDefinition.Parse(scriptJson, store.Scripts) : null;
        foreach (var (key, _) in body)
        {
            if (key is not ("source" or "dest" or "max_docs" or "size" or "conflicts" or "script"))
            {
                throw StoreException.Parsing("[reindex] unknown field [" + key + "]");
            }
        }

        var source = body["source"] as JsonObject ?? throw Validation("source is missing");
        var dest = body["dest"] as JsonObject ?? throw Validation("destination is missing");
        RefuseUnknown(source, "source", "index", "query", "size");
        RefuseUnknown(dest, "dest", "index", "op_type", "version_type", "pipeline");
        var sourceIndices = source["index"] switch
        {
            JsonArray array => string.Join(",", array.Select(i => i!.GetValue<string>())),
            JsonValue value => value.GetValue<string>(),
            _ => throw Validation("use _all if you really want to copy from all existing indexes"),
        };
        var destName = dest["index"]?.GetValue<string>() ?? throw Validation("index must be specified");
        RefusePipeline(dest["pipeline"]?.GetValue<string>());
        var opType = dest["op_type"]?.GetValue<string>() ?? "index";
        var versionType = dest["version_type"]?.GetValue<string>() ?? "internal";
        if (opType is not ("index" or "create"))
        {
            throw StoreException.IllegalArgument("opType must be 'create' or 'index', found: [" + opType + "]");
        }

        var maxDocs = body["max_docs"] is JsonValue m ? m.GetValue<long>() : body["size"] is JsonValue s ? s.GetValue<long>() : request.LongParam("max_docs");
        var proceed = (body["conflicts"]?.GetValue<string>() ?? "abort") switch
        {
            "proceed" => true,
            "abort" => false,
            var other => throw StoreException.IllegalArgument("conflicts may only be \"proceed\" or \"abort\" but was [" + other + "]"),
        };
        var query = new JsonObject();
        if (source["query"] is { } q)
        {
            query["query"] = q.DeepClone();
        }

        if (!Matches(sourceIndices, request.Query, query, maxDocs, cancellationToken).TryGetValue(out var matches, out var missingSource))
        {
            return ErrorRenderer.Render(missingSource);
        }

        if (matches.Any(m => m.Index == destName))
        {
            throw Validation("reindex cannot write into an index its reading from [" + destName + "]");
        }

        var outcome = new ByQueryOutcome { BatchSize = source["size"] is JsonValue size ? size.GetValue<int>() : DefaultBatch };
        var requireAlias = request.Flag("require_alias", false);
        var targets = new Dictionary<string, IndexState>(StringComparer.Ordinal);
        long position = 0;

        // The destination is created by the first write (a script may noop everything, or send documents elsewhere).
        StoreResult<IndexState> Target(string name)
        {
            if (targets.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!WriteTargets.ForWrite(store, name, requireAlias, out var created).TryGetValue(out var found, out var missing))
            {
                return missing;
            }

            position = Math.Max(position, created);
            targets[name] = found;
            return found;
        }

        IndexState? first = null;
        if (script is null || request.Param("wait_for_active_shards") is not null)
        {
            if (!Target(destName).TryGetValue(out first, out var missing))
            {
                return ErrorRenderer.Render(missing);
            }
        }

        var options = new WriteOptions { CreateOnly = opType == "create", VersionType = versionType == "internal" ? "internal" : versionType };
        outcome.Total = matches.Count;
        foreach (var (sourceIndex, doc) in FailedOnCopies(request, first, matches, outcome) ? [] : matches)
        {
            if (!outcome.NextItem())
            {
                break;
            }

            var (op, targetName, id, version, bytes) = (script is null ? "index" : null, destName, (string?)doc.Id, (long?)doc.Version, doc.SourceBytes.ToArray());
            if (script is not null)
            {
                ScriptRun run;
                try
                {
                    run = RunScript(script, CtxKind.Reindex, destName, doc, versionType == "internal" ? -1 : doc.Version);
                }
                catch (StoreException)
                {
                    await FinishAsync(request, targets.Values, position, cancellationToken).ConfigureAwait(false);
                    throw;
                }

                (op, bytes) = (run.Plan.Op, run.Plan.Source ?? bytes);
                targetName = run.Ctx.Get("_index") as string ?? destName;
                id = run.Ctx.Get("_id") as string;
                version = run.Ctx.Get("_version") is { } v ? ScriptOperators.AsLong(v) : null;
            }

            if (op == "noop")
            {
                outcome.Noops++;
                continue;
            }

            if (matches.Any(m => m.Index == targetName))
            {
                throw Validation("reindex cannot write into an index its reading from [" + targetName + "]");
            }

            StoreError? refused;
            try
            {
                if (!Target(targetName).TryGetValue(out var index, out refused))
                {
                    outcome.Fail(targetName, id ?? doc.Id, refused);
                    outcome.StopAfterThisBatch();
                    continue;
                }

                id ??= Ids.NewDocumentId(store.Time);
                var written = op == "delete"
                    ? store.Documents.Delete(index, id, WriteOptions.None)
                    : store.Documents.Index(index, id, bytes, versionType == "internal" || version is null ? options with { VersionType = "internal" } : options with { Version = version });
                if (written.TryGetValue(out var done, out refused))
                {
                    position = Math.Max(position, done.Position);
                    switch (done.Result)
                    {
                        case "created":
                            outcome.Created++;
                            break;
                        case "deleted" or "not_found":
                            outcome.Deleted++;
                            break;
                        default:
                            outcome.Updated++;
                            break;
                    }

                    continue;
                }
            }
            catch (StoreException e)
            {
                // A document the destination's mapping refuses ends the run, as in Elasticsearch; the source keeps it.
                refused = e.ToError();
            }

            if (!Refused(outcome, targetName, id ?? doc.Id, refused, proceed))
            {
                outcome.StopAfterThisBatch();
            }
        }

        await FinishAsync(request, targets.Values, position, cancellationToken).ConfigureAwait(false);
        return RestResponse.Json(outcome.Status, outcome.Render(Took(started), created: true, updated: true, deleted: true));
    }

    /// <summary>A script's run over one match: the planned write and the <c>ctx</c> it left (reindex reads its metadata).</summary>
    private readonly record struct ScriptRun(Planned Plan, ScriptMap Ctx);

    private ScriptRun RunScript(ScriptDefinition script, CtxKind kind, string index, ParsedDocument doc, long version)
    {
        var ctx = ScriptCtx.Create(kind, index, doc.Id, version, null, store.Time.GetUtcNow().ToUnixTimeMilliseconds(), ScriptJson.FromBytes(doc.SourceBytes.Span));
        var bindings = new ScriptBindings();
        bindings.Variables["ctx"] = ctx;
        bindings.Variables["params"] = script.Parameters();
        script.Execute(bindings);
        var op = ScriptCtx.Operation(ctx);
        return new ScriptRun(op == "index" ? new Planned(op, JsonSerializer.SerializeToUtf8Bytes(ScriptJson.ToObject(ScriptCtx.SourceOf(ctx)))) : new Planned(op, null), ctx);
    }

    private (JsonObject Query, long? MaxDocs, bool Proceed) ByQueryBody(RestRequest request, JsonObject body)
    {
        if (request.Param("wait_for_completion") == "false")
        {
            throw StoreException.IllegalArgument("[wait_for_completion=false] (running as a task) is not supported by the embedded store");
        }

        if (request.Param("slices") is { } slices && slices != "1")
        {
            throw StoreException.IllegalArgument("[slices] other than 1 is not supported by the embedded store");
        }

        var query = new JsonObject();
        long? maxDocs = request.LongParam("max_docs");
        var conflicts = request.Param("conflicts");
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "query":
                    query["query"] = value?.DeepClone();
                    break;
                case "max_docs":
                    maxDocs = value!.GetValue<long>();
                    break;
                case "conflicts":
                    conflicts = value!.GetValue<string>();
                    break;
                default:
                    throw StoreException.Parsing("request does not support [" + key + "]");
            }
        }

        if (maxDocs is <= 0)
        {
            throw Validation("maxDocs should be greater than 0 if the request is limited to some number of documents or -1 if it isn't but it was [" + maxDocs + "]");
        }

        var proceed = (conflicts ?? "abort") switch
        {
            "proceed" => true,
            "abort" => false,
            var other => throw StoreException.IllegalArgument("conflicts may only be \"proceed\" or \"abort\" but was [" + other + "]"),
        };
        return (query, maxDocs, proceed);
    }

    // The index whose copies a by-query run writes first; none when nothing matched.
    private IndexState? Owner(List<(string Index, ParsedDocument Doc)> matches) =>
        matches.Count > 0 ? store.Catalog.Find(matches[0].Index) : null;

    private StoreResult<List<(string Index, ParsedDocument Doc)>> Matches(RestRequest request, JsonObject query, long? maxDocs, CancellationToken cancellationToken) =>
        Matches(request.Route("index"), request.Query, query, maxDocs, cancellationToken);

    private StoreResult<List<(string Index, ParsedDocument Doc)>> Matches(string expression, IReadOnlyDictionary<string, string> parameters, JsonObject query, long? maxDocs, CancellationToken cancellationToken)
    {
        if (!search.Targets(expression, parameters).TryGetValue(out var targets, out var missing))
        {
            return missing;
        }

        var run = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parameters.GetValueOrDefault("q") is { } q)
        {
            run["q"] = q;
        }

        query["sort"] = new JsonArray("_doc");
        using var cursor = Service.OpenScroll(targets, query, run, cancellationToken);
        var documents = cursor.Documents();
        return maxDocs is { } max && max < documents.Count ? documents.GetRange(0, (int)max) : documents;
    }

    private async Task FinishAsync(RestRequest request, IEnumerable<IndexState> touched, long position, CancellationToken cancellationToken)
    {
        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        if (request.Flag("refresh", false))
        {
            EmbeddedStore.Refresh(touched, force: true);
        }
    }

    /// <summary>
    /// A single node holds one copy of each shard: asking for more active copies fails every write of the first
    /// batch with Elasticsearch's 503 (which it gives after <c>timeout</c>; here nothing could change meanwhile).
    /// </summary>
    private static StoreError? NotEnoughCopies(RestRequest request, IndexState index, int batchDocs)
    {
        var wanted = request.Param("wait_for_active_shards");
        var needed = wanted switch
        {
            null or "" or "1" or "0" => 1,
            "all" => index.Replicas + 1,
            _ => int.TryParse(wanted, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? n
                : throw StoreException.IllegalArgument("cannot parse ActiveShardCount[" + wanted + "]"),
        };
        return needed <= 1 ? null : new StoreError(503, "unavailable_shards_exception",
            "[" + index.Name + "][0] Not enough active copies to meet shard count of [" + wanted + "] (have 1, needed " + needed + "). Timeout: [" +
            (request.Param("timeout") ?? "1m") + "], request: [BulkShardRequest [[" + index.Name + "][0]] containing [" + batchDocs + "] requests]",
            index.Name);
    }

    /// <summary>Records the copies failure for the first batch's documents; true when the run must stop.</summary>
    private static bool FailedOnCopies(RestRequest request, IndexState? index, List<(string Index, ParsedDocument Doc)> matches, ByQueryOutcome outcome)
    {
        var batch = matches.Take(outcome.BatchSize).ToList();
        if (index is null || batch.Count == 0 || NotEnoughCopies(request, index, batch.Count) is not { } error)
        {
            return false;
        }

        foreach (var (_, doc) in batch)
        {
            outcome.Fail(index.Name, doc.Id, error);
        }

        return true;
    }

    /// <summary>
    /// Records a refused write: a version conflict is counted (and fails the run unless <c>conflicts: proceed</c>),
    /// any other refusal fails it. True when the run goes on.
    /// </summary>
    private static bool Refused(ByQueryOutcome outcome, string index, string id, StoreError error, bool proceed)
    {
        if (error.Status == 409)
        {
            outcome.VersionConflicts++;
            if (proceed)
            {
                return true;
            }
        }

        outcome.Fail(index, id, error);
        return false;
    }

    private static WriteOptions SameVersion(ParsedDocument doc) => new() { IfSeqNo = doc.SeqNo, IfPrimaryTerm = doc.PrimaryTerm };

    // Reindex options the store does not implement (remote, _source filtering, routing, slices …) are refused, never ignored.
    private static void RefuseUnknown(JsonObject section, string name, params string[] allowed)
    {
        foreach (var (key, _) in section)
        {
            if (!allowed.Contains(key))
            {
                throw StoreException.IllegalArgument("[" + name + "." + key + "] in _reindex is not supported by the embedded store");
            }
        }
    }

    private static void RefusePipeline(string? pipeline)
    {
        if (pipeline is not null && pipeline != "_none")
        {
            throw StoreException.IllegalArgument("pipeline with id [" + pipeline + "] does not exist");
        }
    }

    private static StoreException Validation(string reason) =>
        new(400, "action_request_validation_exception", "Validation Failed: 1: " + reason + ";");

    private long Took(long started) => (long)store.Time.GetElapsedTime(started).TotalMilliseconds;
}
