using System.Diagnostics;
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
        var started = Stopwatch.GetTimestamp();
        var refresh = RefreshPolicies.Parse(request.Param("refresh"));
        var operations = BulkParser.Parse(request.Body, request.RouteOrNull("index"));
        var requireAlias = request.Flag("require_alias", false);
        var defaultPipeline = request.Param("pipeline");
        var targets = new List<(string Action, string Index, string? Id)>(operations.Count);
        var sources = new List<ReadOnlyMemory<byte>>(operations.Count);
        foreach (var operation in operations)
        {
            var line = operation.Line;
            var id = line.Id ?? (line.Action is "index" or "create" ? Ids.NewDocumentId() : null);
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

                var index = WriteTargets.ForWrite(store, indexName, line.Flag("require_alias", requireAlias), out var created);
                position = Math.Max(position, created);
                touched.Add(index);
                var (outcome, get) = Execute(request, index, action, id!, line, operations[i].Source, prepared[i]);
                position = Math.Max(position, outcome.Position);
                items.Add(new BulkItemResult(action, indexName, id, WriteResponses.Status(outcome), outcome, get, null));
            }
            catch (StoreException e)
            {
                errors = true;
                items.Add(new BulkItemResult(action, indexName, id, e.Status, null, null, e));
            }
        }

        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        if (refresh != RefreshPolicy.None)
        {
            EmbeddedStore.Refresh(touched, force: true);
        }

        var took = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new RestResponse(200, BulkResponseWriter.Write(took, errors, items, forcedRefresh: refresh == RefreshPolicy.Immediate));
    }

    private (WriteOutcome Outcome, JsonNode? Get) Execute(RestRequest request, IndexState index, string action, string id, BulkLine line, ReadOnlyMemory<byte> source, PreparedSource? prepared)
    {
        var options = new WriteOptions
        {
            CreateOnly = action == "create",
            IfSeqNo = line.Long("if_seq_no"),
            IfPrimaryTerm = line.Long("if_primary_term"),
            Version = line.Long("version"),
            VersionType = line.Metadata["version_type"]?.ToString() ?? "internal",
        };
        switch (action)
        {
            case "index" or "create":
                return (prepared is null
                    ? store.Documents.Index(index, id, Documents.SourceBuffers.Copy(source.Span), options)
                    : store.Documents.Index(index, id, prepared, options), null);
            case "delete":
                return (store.Documents.Delete(index, id, options), null);
            default:
                var body = RestJson.ParseObject(source);
                var updated = store.Updater.Update(index, id, body, options with { Version = null, VersionType = "internal" });
                var response = new JsonObject();
                UpdateResponses.AddGet(response, updated, UpdateResponses.Requested(body, line.Metadata["_source"], request));
                return (updated.Outcome, response["get"]?.DeepClone());
        }
    }
}
