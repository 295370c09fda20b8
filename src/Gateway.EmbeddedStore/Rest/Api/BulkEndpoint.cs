using System.Diagnostics;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>_bulk</c>: NDJSON index/create/update/delete with per-item results and errors. A malformed
/// action line fails the whole request (400); a bad item fails only itself. The whole request
/// is made durable with one translog sync before the answer.
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
        var items = new JsonArray();
        var errors = false;
        long position = 0;
        var touched = new HashSet<IndexState>();
        foreach (var operation in operations)
        {
            var line = operation.Line;
            var indexName = line.Index ?? request.RouteOrNull("index")!;
            var id = line.Id;
            if (line.Action is "index" or "create" && id is null)
            {
                id = Ids.NewDocumentId();
            }

            var action = line.Action == "index" && line.Metadata["op_type"]?.ToString() == "create" ? "create" : line.Action;
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
                var (outcome, status, get) = Execute(request, index, action, id!, line, operation.Source);
                position = Math.Max(position, outcome.Position);
                var item = WriteResponses.Outcome(outcome, forcedRefresh: false);
                item["status"] = status;
                if (get is not null)
                {
                    item["get"] = get;
                }
                items.Add(new JsonObject { [action] = item });
            }
            catch (StoreException e)
            {
                errors = true;
                items.Add(new JsonObject
                {
                    [action] = new JsonObject
                    {
                        ["_index"] = indexName,
                        ["_id"] = id,
                        ["status"] = e.Status,
                        ["error"] = ErrorRenderer.Cause(e, includeRootCause: false),
                    },
                });
            }
        }

        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        if (refresh != RefreshPolicy.None)
        {
            EmbeddedStore.Refresh(touched, force: true);
            if (refresh == RefreshPolicy.Immediate)
            {
                foreach (var item in items)
                {
                    var body = item!.AsObject().First().Value!.AsObject();
                    if (body["error"] is null && body["result"]?.GetValue<string>() != "noop")
                    {
                        body.Insert(4, "forced_refresh", true);
                    }
                }
            }
        }

        return RestResponse.Ok(new JsonObject
        {
            ["took"] = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            ["errors"] = errors,
            ["items"] = items,
        });
    }

    private (WriteOutcome Outcome, int Status, JsonNode? Get) Execute(RestRequest request, IndexState index, string action, string id, BulkLine line, ReadOnlyMemory<byte> source)
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
                var outcome = store.Documents.Index(index, id, source.ToArray(), options);
                return (outcome, WriteResponses.Status(outcome), null);
            case "delete":
                var deleted = store.Documents.Delete(index, id, options);
                return (deleted, WriteResponses.Status(deleted), null);
            default:
                var body = RestJson.ParseObject(source);
                var updated = store.Updater.Update(index, id, body, options with { Version = null, VersionType = "internal" });
                var response = new JsonObject();
                UpdateResponses.AddGet(response, updated, UpdateResponses.Requested(body, line.Metadata["_source"], request));
                return (updated.Outcome, WriteResponses.Status(updated.Outcome), response["get"]?.DeepClone());
        }
    }
}
