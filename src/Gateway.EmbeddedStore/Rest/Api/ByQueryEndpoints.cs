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
        router.Add("POST", "/{index}/_delete_by_query", (r, ct) => RunAsync(r, "indices:data/write/delete/byquery", DeleteByQueryAsync, ct));
        router.Add("POST", "/{index}/_update_by_query", (r, ct) => RunAsync(r, "indices:data/write/update/byquery", UpdateByQueryAsync, ct));
        router.Add("POST", "/_reindex", (r, ct) => RunAsync(r, "indices:data/write/reindex", ReindexAsync, ct));
    }

    /// <summary>
    /// Runs a by-query request, or with <c>wait_for_completion=false</c> starts it as a task once it is validated and
    /// answers its id (a request refused before it began is answered as usual).
    /// </summary>
    private async ValueTask<RestResponse> RunAsync(
        RestRequest request,
        string action,
        Func<RestRequest, ByQueryTask?, CancellationToken, ValueTask<RestResponse>> run,
        CancellationToken cancellationToken)
    {
        if (request.Param("wait_for_completion") != "false")
        {
            return await run(request, null, cancellationToken).ConfigureAwait(false);
        }

        var task = store.Tasks.Create(action, action + " " + request.RawPath);
        var work = Task.Run(async () => await run(request, task, store.Tasks.Stopping).ConfigureAwait(false), CancellationToken.None);
        if (await Task.WhenAny(work, task.Begun).ConfigureAwait(false) == work && !task.Begun.IsCompleted)
        {
            return await work.ConfigureAwait(false);
        }

        store.Tasks.Track(task, work);
        return RestResponse.Ok(new JsonObject { ["task"] = task.Id });
    }

    private async ValueTask<RestResponse> DeleteByQueryAsync(RestRequest request, ByQueryTask? task, CancellationToken cancellationToken)
    {
        var started = store.Time.GetTimestamp();
        var body = RestJson.RequiredObject(request);
        var (query, options, batch) = ByQueryBody(request, body, queryRequired: true);
        var outcome = new ByQueryOutcome { BatchSize = batch, RequestsPerSecond = options.RequestsPerSecond };
        task?.Begin(outcome);
        if (await WriteEachAsync(request, query, options.MaxDocs, options.Proceed, outcome, (_, _) => Planned.Delete, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return ErrorRenderer.Render(missing);
        }

        return RestResponse.Json(outcome.Status, outcome.Render(Took(started), created: false, updated: false, deleted: true));
    }

    private async ValueTask<RestResponse> UpdateByQueryAsync(RestRequest request, ByQueryTask? task, CancellationToken cancellationToken)
    {
        var started = store.Time.GetTimestamp();
        var body = RestJson.OptionalObject(request) ?? [];
        var scriptJson = body["script"];
        body.Remove("script");
        RefusePipeline(request.Param("pipeline"));
        var (query, options, batch) = ByQueryBody(request, body, queryRequired: false);
        var script = scriptJson is null ? null : ScriptDefinition.Parse(scriptJson, store.Scripts);
        var outcome = new ByQueryOutcome { BatchSize = batch, RequestsPerSecond = options.RequestsPerSecond };
        task?.Begin(outcome);
        var withVersion = request.Flag("version", false);
        Func<IndexState, ParsedDocument, Planned> plan = script is null
            ? (index, doc) => new Planned("index", StoredSource(index, doc))
            : (index, doc) => RunScript(script, CtxKind.UpdateByQuery, index.Name, doc, withVersion ? doc.Version : -1).Plan;
        if (await WriteEachAsync(request, query, options.MaxDocs, options.Proceed, outcome, plan, cancellationToken).ConfigureAwait(false) is { } missing)
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
            await outcome.PaceAsync(store.Time, cancellationToken).ConfigureAwait(false);
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

    private async ValueTask<RestResponse> ReindexAsync(RestRequest request, ByQueryTask? task, CancellationToken cancellationToken)
    {
        var started = store.Time.GetTimestamp();
        var body = RestJson.RequiredObject(request);
        var parsed = ReindexRequest.Parse(request, body);
        RefuseNotImplemented(request, parsed.Options);
        RefusePipeline(parsed.Pipeline);
        var script = body["script"] is { } scriptJson ? ScriptDefinition.Parse(scriptJson, store.Scripts) : null;
        var (sourceIndices, destName, opType, versionType, query) = (parsed.SourceIndices!, parsed.DestIndex!, parsed.OpType, parsed.VersionType, parsed.Query);
        var (maxDocs, proceed) = (parsed.Options.MaxDocs, parsed.Options.Proceed);
        if (!Matches(sourceIndices, request.Query, query, maxDocs, cancellationToken).TryGetValue(out var matches, out var missingSource))
        {
            return ErrorRenderer.Render(missingSource);
        }

        if (matches.Any(m => m.Index == destName))
        {
            throw Validation("reindex cannot write into an index its reading from [" + destName + "]");
        }

        var outcome = new ByQueryOutcome { BatchSize = parsed.BatchSize ?? DefaultBatch, RequestsPerSecond = parsed.Options.RequestsPerSecond };
        task?.Begin(outcome);
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
            await outcome.PaceAsync(store.Time, cancellationToken).ConfigureAwait(false);
            if (!outcome.NextItem())
            {
                break;
            }

            byte[] copied;
            try
            {
                copied = parsed.CopiedSource(StoredSource(store.Catalog.Find(sourceIndex)!, doc));
            }
            catch (StoreException e)
            {
                // A source index that stores no _source has nothing to copy: the document's failure ends the run.
                if (!Refused(outcome, destName, doc.Id, e.ToError(), proceed))
                {
                    outcome.StopAfterThisBatch();
                }

                continue;
            }

            var (op, targetName, id, version, bytes) = (script is null ? "index" : null, destName, (string?)doc.Id, (long?)doc.Version, copied);
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
                    ? store.Documents.Delete(index, id, WriteOptions.None with { Routing = parsed.RouteOf(doc) })
                    : store.Documents.Index(index, id, bytes, (versionType == "internal" || version is null ? options with { VersionType = "internal" } : options with { Version = version }) with { Routing = parsed.RouteOf(doc) });
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

    /// <summary>
    /// Reads a delete- or update-by-query request in Elasticsearch's order (the body's own fields, the search body,
    /// the URL's search options, then the common options) and validates it before any index is resolved; options the
    /// store does not implement are refused only after that.
    /// </summary>
    private static (JsonObject Query, ByQueryRequest Options, int BatchSize) ByQueryBody(RestRequest request, JsonObject body, bool queryRequired)
    {
        var options = new ByQueryRequest();
        var query = new JsonObject();
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "max_docs":
                    options.SetMaxDocs(ReindexRequest.Number(value));
                    break;
                case "conflicts":
                    options.SetConflicts(value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? "null");
                    break;
            }
        }

        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "max_docs" or "conflicts":
                case "script" when !queryRequired: // update_by_query's script, read by its endpoint
                    break;
                case "query":
                    query["query"] = value?.DeepClone();
                    break;
                case "size":
                    options.SetMaxDocs(ReindexRequest.Number(value));
                    break;
                case "from":
                    options.AddValidationError("from is not supported in this context");
                    break;
                case "stored_fields":
                    options.AddValidationError("stored_fields is not supported in this context");
                    break;
                default:
                    throw StoreException.Parsing("request does not support [" + key + "]");
            }
        }

        if (request.Param("size") is not null)
        {
            options.SetMaxDocs(request.IntParam("size")!.Value);
        }

        if (request.Param("from") is not null)
        {
            options.AddValidationError("from is not supported in this context");
        }

        var batch = request.IntParam("scroll_size") ?? DefaultBatch;
        if (request.Param("conflicts") is { } conflicts)
        {
            options.SetConflicts(conflicts);
        }

        options.ReadCommonParameters(request);
        if (queryRequired && !query.ContainsKey("query") && request.Param("q") is null)
        {
            options.AddValidationError("query is missing");
        }

        var remote = request.Route("index").Split(',').Where(i => i.Contains(':', StringComparison.Ordinal)).ToList();
        if (remote.Count > 0)
        {
            options.AddValidationError("Cross-cluster calls are not supported in this context but remote indices were requested: [" + string.Join(", ", remote) + "]");
        }

        options.Validate();
        RefuseNotImplemented(request, options);
        return (query, options, batch);
    }

    // Options Elasticsearch has that the store's by-query runs do not implement, refused once the request is valid.
    private static void RefuseNotImplemented(RestRequest request, ByQueryRequest options)
    {
        if (options.Slices != 1)
        {
            throw StoreException.IllegalArgument("[slices] other than 1 is not supported by the embedded store");
        }
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

    // What Elasticsearch stored of the document (its _source mapping); a by-query write of a document without one fails.
    private static byte[] StoredSource(IndexState index, ParsedDocument doc) =>
        index.Mapping.Compiled.Source.Stored(doc.SourceBytes.ToArray())
        ?? throw StoreException.IllegalArgument("[" + index.Name + "][" + doc.Id + "] didn't store _source");

    private static WriteOptions SameVersion(ParsedDocument doc) => new() { IfSeqNo = doc.SeqNo, IfPrimaryTerm = doc.PrimaryTerm, Routing = doc.Routing };

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
