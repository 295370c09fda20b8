using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>Alias APIs: atomic <c>_aliases</c> actions, put/delete/get/exists alias.</summary>
internal sealed class AliasEndpoints(EmbeddedStore store)
{
    public void Register(RestRouter router)
    {
        router.Add("POST", "/_aliases", UpdateAsync);
        router.Add("GET", "/_alias", (r, _) => ValueTask.FromResult(Get(r, null, null)));
        router.Add("GET", "/_alias/{name}", (r, _) => ValueTask.FromResult(Get(r, null, r.Route("name"))));
        router.Add("GET", "/{index}/_alias", (r, _) => ValueTask.FromResult(Get(r, r.Route("index"), null)));
        router.Add("GET", "/{index}/_alias/{name}", (r, _) => ValueTask.FromResult(Get(r, r.Route("index"), r.Route("name"))));
        router.Add("GET", "/{index}/_aliases", (r, _) => ValueTask.FromResult(Get(r, r.Route("index"), null)));
        router.Add("HEAD", "/_alias/{name}", (r, _) => ValueTask.FromResult(Exists(r, null, r.Route("name"))));
        router.Add("HEAD", "/{index}/_alias/{name}", (r, _) => ValueTask.FromResult(Exists(r, r.Route("index"), r.Route("name"))));
        router.Add(["PUT", "POST"], "/{index}/_alias/{name}", PutAsync);
        router.Add(["PUT", "POST"], "/{index}/_aliases/{name}", PutAsync);
        router.Add("DELETE", "/{index}/_alias/{name}", DeleteAsync);
        router.Add("DELETE", "/{index}/_aliases/{name}", DeleteAsync);
    }

    private async ValueTask<RestResponse> UpdateAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var body = RestJson.RequiredObject(request);
        if (body["actions"] is not JsonArray actions)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: no actions specified;");
        }

        var parsed = actions.Select(a => AliasActions.Parse(a as JsonObject ?? throw StoreException.Parsing("[aliases] failed to parse field [actions]"))).ToList();
        if (!store.Catalog.RunLocked(() => AliasActions.Apply(store.Catalog, parsed)).TryGetValue(out var position, out var refused))
        {
            return ErrorRenderer.Render(refused);
        }

        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        return RestResponse.Ok(new JsonObject { ["acknowledged"] = true, ["errors"] = false });
    }

    private async ValueTask<RestResponse> PutAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var body = RestJson.OptionalObject(request) ?? [];
        var definition = new JsonObject { ["index"] = request.Route("index"), ["alias"] = request.Route("name") };
        foreach (var (key, value) in body)
        {
            definition[key] = value?.DeepClone();
        }

        var action = AliasActions.Parse(new JsonObject { ["add"] = definition });
        if (!store.Catalog.RunLocked(() => AliasActions.Apply(store.Catalog, [action])).TryGetValue(out var position, out var refused))
        {
            return ErrorRenderer.Render(refused);
        }

        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        return RestResponse.Acknowledged();
    }

    private async ValueTask<RestResponse> DeleteAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var action = AliasActions.Parse(new JsonObject
        {
            ["remove"] = new JsonObject { ["index"] = request.Route("index"), ["alias"] = request.Route("name"), ["must_exist"] = true },
        });
        if (!store.Catalog.RunLocked(() => AliasActions.Apply(store.Catalog, [action])).TryGetValue(out var position, out var refused))
        {
            return ErrorRenderer.Render(refused);
        }

        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        return RestResponse.Acknowledged();
    }

    private RestResponse Get(RestRequest request, string? indexExpression, string? nameExpression)
    {
        if (!IndexResolver.Resolve(store.Catalog, indexExpression, request.Flag("ignore_unavailable", false), allowNoIndices: true).TryGetValue(out var resolved, out var unresolved))
        {
            return ErrorRenderer.Render(unresolved);
        }

        var indices = resolved.Select(r => r.Index).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        var patterns = nameExpression?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var result = new JsonObject();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in indices)
        {
            var aliases = new JsonObject();
            foreach (var (name, alias) in index.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (patterns is null || patterns.Any(p => p is "_all" || IndexNames.Matches(p, name)))
                {
                    aliases[name] = alias.ToJson();
                    found.Add(name);
                }
            }

            if (patterns is null || aliases.Count > 0)
            {
                result[index.Name] = new JsonObject { ["aliases"] = aliases };
            }
        }

        var missing = patterns?.Where(p => !IndexNames.IsWildcard(p) && p != "_all" && !found.Contains(p)).ToList() ?? [];
        if (missing.Count > 0)
        {
            // Elasticsearch's get-alias answer for missing names: a plain error string beside the found aliases.
            var body = new JsonObject
            {
                ["error"] = (missing.Count == 1 ? "alias [" : "aliases [") + string.Join(",", missing) + "] missing",
                ["status"] = 404,
            };
            foreach (var (key, value) in result.ToList())
            {
                result.Remove(key);
                body[key] = value;
            }

            return RestResponse.Json(404, body);
        }

        return RestResponse.Ok(result);
    }

    private RestResponse Exists(RestRequest request, string? indexExpression, string nameExpression)
    {
        if (!IndexResolver.Resolve(store.Catalog, indexExpression, ignoreUnavailable: true, allowNoIndices: true).TryGetValue(out var resolved, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var patterns = nameExpression.Split(',');
        var any = resolved.Select(r => r.Index).Any(i => i.Aliases.Keys.Any(a => patterns.Any(p => IndexNames.Matches(p, a))));
        return RestResponse.Empty(any ? 200 : 404);
    }
}
