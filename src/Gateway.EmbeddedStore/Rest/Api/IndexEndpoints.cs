using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>Index APIs: create, delete, exists, get, mappings, settings and refresh.</summary>
internal sealed class IndexEndpoints(EmbeddedStore store)
{
    public void Register(RestRouter router)
    {
        router.Add("PUT", "/{index}", CreateAsync);
        router.Add("DELETE", "/{index}", DeleteAsync);
        router.Add("HEAD", "/{index}", (r, _) => ValueTask.FromResult(Exists(r)));
        router.Add("GET", "/{index}", (r, _) => ValueTask.FromResult(Get(r)));
        router.Add("GET", "/_mapping", (r, _) => ValueTask.FromResult(GetMapping(r)));
        router.Add("GET", "/{index}/_mapping", (r, _) => ValueTask.FromResult(GetMapping(r)));
        router.Add(["PUT", "POST"], "/{index}/_mapping", PutMappingAsync);
        router.Add("GET", "/_settings", (r, _) => ValueTask.FromResult(GetSettings(r)));
        router.Add("GET", "/{index}/_settings", (r, _) => ValueTask.FromResult(GetSettings(r)));
        router.Add("GET", "/_settings/{name}", (r, _) => ValueTask.FromResult(GetSettings(r)));
        router.Add("GET", "/{index}/_settings/{name}", (r, _) => ValueTask.FromResult(GetSettings(r)));
        router.Add("PUT", "/_settings", PutSettingsAsync);
        router.Add("PUT", "/{index}/_settings", PutSettingsAsync);
        router.Add(["GET", "POST"], "/_refresh", (r, _) => ValueTask.FromResult(Refresh(r)));
        router.Add(["GET", "POST"], "/{index}/_refresh", (r, _) => ValueTask.FromResult(Refresh(r)));
        router.Add(["GET", "POST"], "/_flush", (r, _) => ValueTask.FromResult(Flush(r)));
        router.Add(["GET", "POST"], "/{index}/_flush", (r, _) => ValueTask.FromResult(Flush(r)));
        router.Add("POST", "/_forcemerge", (r, _) => ValueTask.FromResult(ForceMerge(r)));
        router.Add("POST", "/{index}/_forcemerge", (r, _) => ValueTask.FromResult(ForceMerge(r)));
    }

    private async ValueTask<RestResponse> CreateAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var name = request.Route("index");
        if (!store.Catalog.Create(name, RestJson.OptionalObject(request)).TryGetValue(out var created, out var refused))
        {
            return ErrorRenderer.Render(refused);
        }

        var (index, position) = created;
        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        return RestResponse.Ok(new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = index.Name });
    }

    private async ValueTask<RestResponse> DeleteAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var expression = request.Route("index");
        if (store.ClusterSettings.DestructiveRequiresName && IndexNames.IsDestructiveWildcard(expression))
        {
            throw StoreException.IllegalArgument("Wildcard expressions or all indices are not allowed");
        }

        // Deleting through an alias is refused and wildcards do not expand to aliases, as in Elasticsearch.
        if (!IndexResolver.Resolve(store.Catalog, expression, request.Flag("ignore_unavailable", false),
            request.Flag("allow_no_indices", true), ignoreAliases: true,
            expand: ExpandWildcards.Parse(request.Param("expand_wildcards"), WildcardStates.Open | WildcardStates.Closed)).TryGetValue(out var resolved, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var position = store.Catalog.Delete(resolved.Select(r => r.Index).ToList());
        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        return RestResponse.Acknowledged();
    }

    private RestResponse Exists(RestRequest request)
    {
        // HEAD answers the status alone, so a missing index is just 404.
        return Resolve(request, request.Route("index"), allowNoIndicesDefault: false).TryGetValue(out var resolved, out var missing)
            ? RestResponse.Empty(resolved.Count > 0 ? 200 : 404)
            : RestResponse.Empty(missing.Status);
    }

    private RestResponse Get(RestRequest request)
    {
        var result = new JsonObject();
        if (!Resolve(request, request.Route("index"), allowNoIndicesDefault: false).TryGetValue(out var resolved, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        foreach (var (index, _) in resolved.OrderBy(r => r.Index.Name, StringComparer.Ordinal))
        {
            result[index.Name] = new JsonObject
            {
                ["aliases"] = IndexCatalog.AliasesJson(index.Aliases),
                ["mappings"] = index.Mapping.Root.DeepClone(),
                ["settings"] = IndexSettings.Render(index.Settings, request.Flag("flat_settings", false)),
            };
        }

        return RestResponse.Ok(result);
    }

    private RestResponse GetMapping(RestRequest request)
    {
        var result = new JsonObject();
        if (!Resolve(request, request.RouteOrNull("index"), allowNoIndicesDefault: true).TryGetValue(out var resolved, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        foreach (var (index, _) in resolved.OrderBy(r => r.Index.Name, StringComparer.Ordinal))
        {
            result[index.Name] = new JsonObject { ["mappings"] = index.Mapping.Root.DeepClone() };
        }

        return RestResponse.Ok(result);
    }

    private async ValueTask<RestResponse> PutMappingAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var body = RestJson.RequiredObject(request);
        if (!Resolve(request, request.Route("index"), allowNoIndicesDefault: false, forbidClosed: true).TryGetValue(out var resolved, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var indices = resolved.Select(r => r.Index).ToList();
        var position = store.Catalog.PutMapping(indices, body);
        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        return RestResponse.Acknowledged();
    }

    private RestResponse GetSettings(RestRequest request)
    {
        var result = new JsonObject();
        if (!Resolve(request, request.RouteOrNull("index"), allowNoIndicesDefault: true, WildcardStates.Open | WildcardStates.Closed).TryGetValue(out var resolved, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        // {name} keeps the settings whose full key matches one of its (wildcard) names; include_defaults adds the
        // defaults of the known settings the index does not set.
        var names = request.RouteOrNull("name")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var flat = request.Flag("flat_settings", false);
        foreach (var (index, _) in resolved.OrderBy(r => r.Index.Name, StringComparer.Ordinal))
        {
            var settings = Named(index.Settings, names);
            var entry = new JsonObject { ["settings"] = IndexSettings.Render(settings, flat) };
            if (request.Flag("include_defaults", false))
            {
                entry["defaults"] = IndexSettings.Render(Named(new SortedDictionary<string, string>(IndexSettingDefinitions.DefaultsFor(index.Settings).ToDictionary(), StringComparer.Ordinal), names), flat);
            }

            result[index.Name] = entry;
        }

        return RestResponse.Ok(result);
    }

    private static IReadOnlyDictionary<string, string> Named(IReadOnlyDictionary<string, string> settings, string[]? names) =>
        names is null ? settings : settings.Where(s => names.Any(n => Search.Execution.Wildcard.Matches(n, s.Key))).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);

    private async ValueTask<RestResponse> PutSettingsAsync(RestRequest request, CancellationToken cancellationToken)
    {
        UrlParameters.Check(request, "index", "master_timeout", "timeout", "preserve_existing", "reopen", "ignore_unavailable", "allow_no_indices", "expand_wildcards", "flat_settings");
        var body = RestJson.RequiredObject(request);
        if (!Resolve(request, request.RouteOrNull("index"), allowNoIndicesDefault: false, WildcardStates.Open | WildcardStates.Closed).TryGetValue(out var resolved, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var indices = resolved.Select(r => r.Index).ToList();
        var position = store.Catalog.PutSettings(indices, body, request.Flag("preserve_existing", false), request.Flag("reopen", false));
        await store.SyncAsync(position, cancellationToken).ConfigureAwait(false);
        return RestResponse.Acknowledged();
    }

    private RestResponse Refresh(RestRequest request)
    {
        if (!Resolve(request, request.RouteOrNull("index"), allowNoIndicesDefault: true, forbidClosed: true).TryGetValue(out var resolved, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var indices = resolved.Select(r => r.Index).ToList();
        EmbeddedStore.Refresh(indices, force: true);
        var total = indices.Sum(i => i.Shards * (1 + i.Replicas));
        var successful = indices.Sum(i => i.Shards);
        return RestResponse.Ok(new JsonObject
        {
            ["_shards"] = new JsonObject { ["total"] = total, ["successful"] = successful, ["failed"] = 0 },
        });
    }

    // A flush commits what the translog holds to the index files and trims the translog: here, a store snapshot
    // (every index at once). Like Elasticsearch's flush it does not make new documents searchable.
    private RestResponse Flush(RestRequest request)
    {
        if (!Resolve(request, request.RouteOrNull("index"), allowNoIndicesDefault: true, forbidClosed: true).TryGetValue(out var resolved, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var indices = resolved.Select(r => r.Index).ToList();
        store.Snapshot();
        return RestResponse.Ok(new JsonObject
        {
            ["_shards"] = new JsonObject { ["total"] = indices.Sum(i => i.Shards * (1 + i.Replicas)), ["successful"] = indices.Sum(i => i.Shards), ["failed"] = 0 },
        });
    }

    // The store has no segments to merge: deleted documents never count in its statistics (which is what a merge
    // brings about in Elasticsearch) and dead slots are compacted by refreshes. So a force merge has nothing to do.
    private RestResponse ForceMerge(RestRequest request)
    {
        if (!Resolve(request, request.RouteOrNull("index"), allowNoIndicesDefault: true, forbidClosed: true).TryGetValue(out var resolved, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var indices = resolved.Select(r => r.Index).ToList();
        return RestResponse.Ok(new JsonObject
        {
            ["_shards"] = new JsonObject { ["total"] = indices.Sum(i => i.Shards * (1 + i.Replicas)), ["successful"] = indices.Sum(i => i.Shards), ["failed"] = 0 },
        });
    }

    // Wildcards reach the states each API's default indices options name (expand_wildcards overrides); APIs that work
    // on the index's data refuse a closed one named in full, as Elasticsearch's ...AndForbidClosed options do.
    private StoreResult<List<IndexResolver.Resolved>> Resolve(RestRequest request, string? expression, bool allowNoIndicesDefault,
        WildcardStates expandDefault = WildcardStates.Open, bool forbidClosed = false)
    {
        var ignoreUnavailable = request.Flag("ignore_unavailable", false);
        var resolved = IndexResolver.Resolve(store.Catalog, expression, ignoreUnavailable, request.Flag("allow_no_indices", allowNoIndicesDefault),
            expand: ExpandWildcards.Parse(request.Param("expand_wildcards"), expandDefault));
        return forbidClosed && resolved.TryGetValue(out var found, out _) ? IndexResolver.ForbidClosed(found, ignoreUnavailable) : resolved;
    }
}
