using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;
using Gateway.EmbeddedStore.Search;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>_delete_by_query</c>, <c>_update_by_query</c> (without scripts: each match is indexed again, as ES does to pick up
/// mapping changes) and local <c>_reindex</c>. Matches are taken from the indices' current snapshots; each write
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
        if (await WriteEachAsync(request, query, maxDocs, proceed, outcome, (index, doc) => store.Documents.Delete(index, doc.Id, SameVersion(doc)), () => outcome.Deleted++, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return ErrorRenderer.Render(missing);
        }

        return RestResponse.Json(outcome.Status, outcome.Render(Took(started), created: false, updated: false, deleted: true));
    }

    private async ValueTask<RestResponse> UpdateByQueryAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var started = store.Time.GetTimestamp();
        var body = RestJson.OptionalObject(request) ?? [];
        RefuseScript(body, "_update_by_query");
        RefusePipeline(request.Param("pipeline"));
        var (query, maxDocs, proceed) = ByQueryBody(request, body);
        var outcome = new ByQueryOutcome { BatchSize = request.IntParam("scroll_size") ?? DefaultBatch };
        if (await WriteEachAsync(request, query, maxDocs, proceed, outcome, (index, doc) => store.Documents.Index(index, doc.Id, StoredSource(index, doc), SameVersion(doc)), () => outcome.Updated++, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return ErrorRenderer.Render(missing);
        }

        return RestResponse.Json(outcome.Status, outcome.Render(Took(started), created: false, updated: true, deleted: false));
    }

    /// <summary>
    /// The loop shared by delete- and update-by-query: writes each match with its seen version, counts version
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
        Func<IndexState, ParsedDocument, StoreResult<WriteOutcome>> write,
        Action counted,
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
            StoreError? refused;
            try
            {
                if (write(index, doc).TryGetValue(out var written, out refused))
                {
                    position = Math.Max(position, written.Position);
                    touched.Add(index);
                    counted();
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
        RefuseScript(body, "_reindex");
        foreach (var (key, _) in body)
        {
            if (key is not ("source" or "dest" or "max_docs" or "size" or "conflicts"))
            {
                throw StoreException.Parsing("[reindex] unknown field [" + key + "]");
            }
        }

        var source = body["source"] as JsonObject ?? throw Validation("source is missing");
        var dest = body["dest"] as JsonObject ?? throw Validation("destination is missing");
        RefuseUnknown(source, "source", "index", "query", "size");
        RefuseUnknown(dest, "dest", "index", "op_type", "version_type", "pipeline", "routing");
        var sourceIndices = source["index"] switch
        {
            JsonArray array => string.Join(",", array.Select(i => i!.GetValue<string>())),
            JsonValue value => value.GetValue<string>(),
            _ => throw Validation("use _all if you really want to copy from all existing indexes"),
        };
        var destName = dest["index"]?.GetValue<string>() ?? throw Validation("index must be specified");
        RefusePipeline(dest["pipeline"]?.GetValue<string>());
        // dest.routing as Elasticsearch's reindex: keep (default) copies each document's routing, discard drops it, =value sets it.
        var routing = dest["routing"]?.GetValue<string>() ?? "keep";
        Func<ParsedDocument, string?> routeOf = routing switch
        {
            "keep" => doc => doc.Routing,
            "discard" => _ => null,
            _ when routing.StartsWith('=') => _ => routing[1..],
            _ => throw StoreException.IllegalArgument("Unsupported routing command"),
        };
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
        if (!WriteTargets.ForWrite(store, destName, request.Flag("require_alias", false), out var position).TryGetValue(out var index, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var options = new WriteOptions { CreateOnly = opType == "create", VersionType = versionType == "internal" ? "internal" : versionType };
        outcome.Total = matches.Count;
        foreach (var (sourceName, doc) in FailedOnCopies(request, index, matches, outcome) ? [] : matches)
        {
            if (!outcome.NextItem())
            {
                break;
            }

            StoreError? refused;
            try
            {
                if (store.Documents.Index(index, doc.Id, StoredSource(store.Catalog.Find(sourceName) ?? index, doc),
                    (versionType == "internal" ? options : options with { Version = doc.Version }) with { Routing = routeOf(doc) }).TryGetValue(out var written, out refused))
                {
                    position = Math.Max(position, written.Position);
                    if (written.Result == "created")
                    {
                        outcome.Created++;
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
                // A document the destination's mapping refuses ends the run, as in Elasticsearch; the source keeps it.
                refused = e.ToError();
            }

            if (!Refused(outcome, index.Name, doc.Id, refused, proceed))
            {
                outcome.StopAfterThisBatch();
            }
        }

        await FinishAsync(request, [index], position, cancellationToken).ConfigureAwait(false);
        return RestResponse.Json(outcome.Status, outcome.Render(Took(started), created: true, updated: true, deleted: true));
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

    // What Elasticsearch stored of the document (its _source mapping); a by-query write of a document without one fails.
    private static byte[] StoredSource(IndexState index, ParsedDocument doc) =>
        index.Mapping.Compiled.Source.Stored(doc.SourceBytes.ToArray())
        ?? throw StoreException.IllegalArgument("[" + index.Name + "][" + doc.Id + "] didn't store _source");

    private static WriteOptions SameVersion(ParsedDocument doc) => new() { IfSeqNo = doc.SeqNo, IfPrimaryTerm = doc.PrimaryTerm, Routing = doc.Routing };

    private static void RefuseScript(JsonObject body, string api)
    {
        if (body["script"] is not null)
        {
            throw StoreException.IllegalArgument("[script] in " + api + " is not supported by the embedded store (scripting is outside its subset)");
        }
    }

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
