using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>Single-document APIs: index, create, get, exists, get source, delete, update.</summary>
internal sealed class DocumentEndpoints(EmbeddedStore store)
{
    public void Register(RestRouter router)
    {
        router.Add(["PUT", "POST"], "/{index}/_doc/{id}", (r, c) => IndexAsync(r, r.Route("id"), create: r.Param("op_type") == "create", c));
        router.Add("POST", "/{index}/_doc", (r, c) => IndexAsync(r, null, create: r.Param("op_type") == "create", c));
        router.Add(["PUT", "POST"], "/{index}/_create/{id}", (r, c) => IndexAsync(r, r.Route("id"), create: true, c));
        router.Add("GET", "/{index}/_doc/{id}", (r, _) => ValueTask.FromResult(Get(r)));
        router.Add("HEAD", "/{index}/_doc/{id}", (r, _) => ValueTask.FromResult(Head(r)));
        router.Add("GET", "/{index}/_source/{id}", (r, _) => ValueTask.FromResult(GetSource(r, head: false)));
        router.Add("HEAD", "/{index}/_source/{id}", (r, _) => ValueTask.FromResult(GetSource(r, head: true)));
        router.Add("DELETE", "/{index}/_doc/{id}", DeleteAsync);
        router.Add("POST", "/{index}/_update/{id}", UpdateAsync);
    }

    public static WriteOptions Options(RestRequest request, bool create) => new()
    {
        CreateOnly = create,
        IfSeqNo = request.LongParam("if_seq_no"),
        IfPrimaryTerm = request.LongParam("if_primary_term"),
        Version = request.LongParam("version"),
        VersionType = request.Param("version_type") ?? "internal",
        Routing = request.Param("routing"),
    };

    private async ValueTask<RestResponse> IndexAsync(RestRequest request, string? id, bool create, CancellationToken cancellationToken)
    {
        var opType = request.Param("op_type");
        if (opType is not (null or "index" or "create"))
        {
            throw StoreException.IllegalArgument("opType must be 'create' or 'index', found: [" + opType + "]");
        }

        if (request.Param("pipeline") is { } pipeline && pipeline != "_none")
        {
            throw StoreException.IllegalArgument("pipeline with id [" + pipeline + "] does not exist");
        }

        if (id is not null)
        {
            WriteTargets.ValidateId(id);
        }

        var refresh = RefreshPolicies.Parse(request.Param("refresh"));
        var options = Options(request, create || id is null);
        if (!request.HasBody)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: source is missing;2: content type is missing;");
        }

        var source = Owned(request.Body);
        if (!WriteTargets.ForWrite(store, request.Route("index"), request.Flag("require_alias", false), out var createPosition).TryGetValue(out var index, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        options = options with { Routing = WriteTargets.Routing(index, request.Route("index"), options.Routing) };
        if (!store.Documents.Index(index, id ?? Ids.NewDocumentId(store.Time), source, options).TryGetValue(out var outcome, out var conflict))
        {
            return ErrorRenderer.Render(conflict);
        }

        await store.SyncAsync(Math.Max(createPosition, outcome.Position), cancellationToken).ConfigureAwait(false);
        ApplyRefresh(index, refresh);
        return new RestResponse(WriteResponses.Status(outcome), RestResponse.Serialize(WriteResponses.Outcome(outcome, refresh == RefreshPolicy.Immediate)))
        {
            Headers = outcome.Result == "created" ? new() { ["Location"] = "/" + Uri.EscapeDataString(index.Name) + "/_doc/" + Uri.EscapeDataString(outcome.Id) } : null,
        };
    }

    private async ValueTask<RestResponse> DeleteAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var refresh = RefreshPolicies.Parse(request.Param("refresh"));
        if (!WriteTargets.ForWrite(store, request.Route("index"), requireAlias: false, out var createPosition).TryGetValue(out var index, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var options = Options(request, create: false);
        options = options with { Routing = WriteTargets.Routing(index, request.Route("index"), options.Routing) };
        if (!store.Documents.Delete(index, request.Route("id"), options).TryGetValue(out var outcome, out var conflict))
        {
            return ErrorRenderer.Render(conflict);
        }

        await store.SyncAsync(Math.Max(createPosition, outcome.Position), cancellationToken).ConfigureAwait(false);
        ApplyRefresh(index, refresh);
        return RestResponse.Json(WriteResponses.Status(outcome), WriteResponses.Outcome(outcome, refresh == RefreshPolicy.Immediate));
    }

    private async ValueTask<RestResponse> UpdateAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var refresh = RefreshPolicies.Parse(request.Param("refresh"));
        var body = RestJson.RequiredObject(request);
        if (!WriteTargets.ForWrite(store, request.Route("index"), request.Flag("require_alias", false), out var createPosition).TryGetValue(out var index, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var options = Options(request, create: false);
        options = options with { Routing = WriteTargets.Routing(index, request.Route("index"), options.Routing) };
        if (!store.Updater.Update(index, request.Route("id"), body, options).TryGetValue(out var result, out var refused))
        {
            return ErrorRenderer.Render(refused);
        }

        await store.SyncAsync(Math.Max(createPosition, result.Outcome.Position), cancellationToken).ConfigureAwait(false);
        ApplyRefresh(index, refresh);
        var response = WriteResponses.Outcome(result.Outcome, refresh == RefreshPolicy.Immediate);
        UpdateResponses.AddGet(response, result, UpdateResponses.Requested(body, null, request));
        return RestResponse.Json(WriteResponses.Status(result.Outcome), response);
    }

    private RestResponse Get(RestRequest request)
    {
        if (!WriteTargets.ForRead(store, request.Route("index")).TryGetValue(out var index, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var id = request.Route("id");
        var entry = Read(request, index, id);
        if (VersionConflict(request, index, id, entry) is { } conflict)
        {
            return ErrorRenderer.Render(conflict);
        }

        var body = GetResponses.Build(index, id, entry, SourceSpec.FromQuery(request));
        return RestResponse.Json(entry is { Deleted: false } ? 200 : 404, body);
    }

    private RestResponse Head(RestRequest request)
    {
        if (!WriteTargets.ForRead(store, request.Route("index")).TryGetValue(out var index, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var entry = Read(request, index, request.Route("id"));
        return RestResponse.Empty(entry is { Deleted: false } ? 200 : 404);
    }

    private RestResponse GetSource(RestRequest request, bool head)
    {
        if (!WriteTargets.ForRead(store, request.Route("index")).TryGetValue(out var index, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var id = request.Route("id");
        var entry = Read(request, index, id);
        if (entry is null or { Deleted: true })
        {
            if (head)
            {
                return RestResponse.Empty(404);
            }

            return ErrorRenderer.Render(new StoreError(404, "resource_not_found_exception", "Document not found [" + index.Name + "]/[" + id + "]"));
        }

        if (head)
        {
            return RestResponse.Empty(index.Mapping.Compiled.Source.Enabled ? 200 : 404);
        }

        var spec = SourceSpec.FromQuery(request) with { Fetch = true };
        return spec.Render(entry.Source!, index) is { } source
            ? RestResponse.Json(200, source)
            : ErrorRenderer.Render(new StoreError(404, "resource_not_found_exception", "Source not found [" + index.Name + "]/[" + id + "]"));
    }

    // The document a get with the request's routing finds: as Elasticsearch, a required routing must be given, and a
    // document kept with a routing that names another shard is not found.
    private static DocEntry? Read(RestRequest request, IndexState index, string id) =>
        Lookup(index, id, WriteTargets.Routing(index, request.Route("index"), request.Param("routing")));

    /// <summary>The live-or-tombstone entry a read of <paramref name="id"/> with <paramref name="routing"/> reaches (get, mget).</summary>
    public static DocEntry? Lookup(IndexState index, string id, string? routing)
    {
        if (routing is null && Mapping.RoutingField.Required(index.Mapping))
        {
            throw Mapping.RoutingField.Missing(index.Name, id);
        }

        var entry = index.Documents.GetValueOrDefault(id);
        return entry is { Deleted: false } && !ShardRouting.Reaches(index, id, routing, entry.Routing) ? null : entry;
    }

    private static StoreError? VersionConflict(RestRequest request, IndexState index, string id, DocEntry? entry) =>
        request.LongParam("version") is { } version && entry is { Deleted: false } && entry.Version != version
            ? DocumentErrorsFactory.Conflict(index, "[" + id + "]: version conflict, current version [" + entry.Version + "] is different than the one provided [" + version + "]")
            : null;

    /// <summary>Applies the refresh policy after the write is durable.</summary>
    public static void ApplyRefresh(IndexState index, RefreshPolicy refresh)
    {
        if (refresh != RefreshPolicy.None)
        {
            EmbeddedStore.Refresh([index], force: true);
        }
    }

    /// <summary>A copy of the body that the document owns (the request's buffer goes back to a pool).</summary>
    public static byte[] Owned(ReadOnlyMemory<byte> body) => SourceBuffers.Copy(body.Span);
}
