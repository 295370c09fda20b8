using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>_bulk</c>: NDJSON index/create/update/delete with per-item results and errors. A malformed
/// action line fails the whole request (400); a bad item fails only itself. Sources are parsed
/// ahead on every core (<see cref="BulkPreparer"/>), then the items are written in order and the
/// whole request is made durable with one translog sync before the answer.
/// </summary>
internal sealed class BulkEndpoint(EmbeddedStore store)
{
    public void Register(RestRouter router)
    {
        router.Add(["POST", "PUT"], "/_bulk", BulkAsync);
        router.Add(["POST", "PUT"], "/{index}/_bulk", BulkAsync);
    }

    private async ValueTask<RestResponse> BulkAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var started = store.Time.GetTimestamp();
        var refresh = RefreshPolicies.Parse(request.Param("refresh"));
        var operations = BulkParser.Parse(request.Body, request.RouteOrNull("index"));
        var requireAlias = request.Flag("require_alias", false);
        var defaultPipeline = request.Param("pipeline");
        var targets = new List<(string Action, string Index, string? Id)>(operations.Count);
        var sources = new List<ReadOnlyMemory<byte>>(operations.Count);
        foreach (var operation in operations)
        {
            var line = operation.Line;
            var id = line.Id ?? (line.Action is "index" or "create" ? Ids.NewDocumentId(store.Time) : null);
            var action = line.Action == "index" && line.Metadata["op_type"]?.ToString() == "create" ? "create" : line.Action;
            targets.Add((action, line.Index ?? request.RouteOrNull("index")!, id));
            sources.Add(operation.Source);
        }

        var prepared = BulkPreparer.Prepare(store, targets, sources);
        var items = new List<BulkItemResult>(operations.Count);
        var errors = false;
        long position = 0;
        var touched = new HashSet<IndexState>();
        for (var i = 0; i < operations.Count; i++)
        {
            var line = operations[i].Line;
            var (action, indexName, id) = targets[i];
            try
            {
                if (id is not null)
                {
                    WriteTargets.ValidateId(id);
                }

                if ((line.Metadata["pipeline"]?.ToString() ?? defaultPipeline) is { } pipeline && pipeline != "_none")
                {
                    throw StoreException.IllegalArgument("pipeline with id [" + pipeline + "] does not exist");
                }

                if (!WriteTargets.ForWrite(store, indexName, line.Flag("require_alias", requireAlias), out var created).TryGetValue(out var index, out var missing))
                {
                    errors = true;
                    items.Add(Failed(action, indexName, id, missing));
                    continue;
                }

                position = Math.Max(position, created);
                touched.Add(index);
                if (!Execute(request, index, indexName, action, id!, line, operations[i].Source, prepared[i]).TryGetValue(out var written, out var refused))
                {
                    errors = true;
                    items.Add(Failed(action, indexName, id, refused));
                    continue;
                }

                var (outcome, get) = written;
                position = Math.Max(position, outcome.Position);
                items.Add(new BulkItemResult(action, indexName, id, WriteResponses.Status(outcome), outcome, get, null));
            }
            catch (StoreException e)
            {
                // A malformed item (bad id, options or document) fails alone, like a refused write.
                errors = true;
                items.Add(Failed(action, indexName, id, e.ToError()));
            }
        }

        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        if (refresh != RefreshPolicy.None)
        {
            EmbeddedStore.Refresh(touched, force: true);
        }

        var took = (long)store.Time.GetElapsedTime(started).TotalMilliseconds;
        return new RestResponse(200, BulkResponseWriter.Write(took, errors, items, forcedRefresh: refresh == RefreshPolicy.Immediate));
    }

    private static BulkItemResult Failed(string action, string index, string? id, StoreError error) =>
        new(action, index, id, error.Status, null, null, error);

    private StoreResult<(WriteOutcome Outcome, JsonNode? Get)> Execute(RestRequest request, IndexState index, string indexName, string action, string id, BulkLine line, ReadOnlyMemory<byte> source, PreparedSource? prepared)
    {
        var options = new WriteOptions
        {
            CreateOnly = action == "create",
            IfSeqNo = line.Long("if_seq_no"),
            IfPrimaryTerm = line.Long("if_primary_term"),
            Version = line.Long("version"),
            VersionType = line.Metadata["version_type"]?.ToString() ?? "internal",
            Routing = WriteTargets.Routing(index, indexName, line.Metadata["routing"]?.ToString() ?? request.Param("routing")),
        };
        switch (action)
        {
            case "index" or "create":
                return WithoutGet(prepared is null
                    ? store.Documents.Index(index, id, Documents.SourceBuffers.Copy(source.Span), options)
                    : store.Documents.Index(index, id, prepared, options));
            case "delete":
                return WithoutGet(store.Documents.Delete(index, id, options));
            default:
                var body = RestJson.ParseObject(source);
                if (!store.Updater.Update(index, id, body, options with { Version = null, VersionType = "internal" }).TryGetValue(out var updated, out var refused))
                {
                    return refused;
                }

                var response = new JsonObject();
                UpdateResponses.AddGet(response, updated, UpdateResponses.Requested(body, line.Metadata["_source"], request));
                return (updated.Outcome, response["get"]?.DeepClone());
        }
    }

    private static StoreResult<(WriteOutcome Outcome, JsonNode? Get)> WithoutGet(StoreResult<WriteOutcome> written)
    {
        if (!written.TryGetValue(out var outcome, out var error))
        {
            return error;
        }

        return (outcome, (JsonNode?)null);
    }
}
