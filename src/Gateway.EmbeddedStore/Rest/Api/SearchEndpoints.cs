using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;
using Gateway.EmbeddedStore.Search;
using Gateway.EmbeddedStore.Search.Cursors;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>_search</c>, <c>_count</c> and <c>_msearch</c> routing: resolves index expressions into
/// <see cref="SearchTarget"/>s and hands execution to <see cref="ISearchService"/>.
/// </summary>
internal sealed class SearchEndpoints(EmbeddedStore store)
{
    private readonly CursorSearches _cursors = new(store);

    public void Register(RestRouter router)
    {
        router.Add(["GET", "POST"], "/_search", (r, c) => ValueTask.FromResult(Search(r, c)));
        router.Add(["GET", "POST"], "/{index}/_search", (r, c) => ValueTask.FromResult(Search(r, c)));
        router.Add(["GET", "POST"], "/_count", (r, c) => ValueTask.FromResult(Count(r, c)));
        router.Add(["GET", "POST"], "/{index}/_count", (r, c) => ValueTask.FromResult(Count(r, c)));
        router.Add(["GET", "POST"], "/_msearch", (r, c) => ValueTask.FromResult(Msearch(r, c)));
        router.Add(["GET", "POST"], "/{index}/_msearch", (r, c) => ValueTask.FromResult(Msearch(r, c)));
    }

    private RestResponse Search(RestRequest request, CancellationToken cancellationToken)
    {
        var body = RestJson.OptionalObject(request);
        if (!Search(request.RouteOrNull("index"), body, request.Query, cancellationToken).TryGetValue(out var result, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        return DeprecationWarning.ForSearchBody(body) is { } warning
            ? new RestResponse(200, RestResponse.Serialize(result)) { Headers = new() { [DeprecationWarning.HeaderName] = DeprecationWarning.Header(warning) } }
            : RestResponse.Ok(result);
    }

    /// <summary>One search: over an open point in time, opening a scroll, or plain; a missing index is the returned error.</summary>
    private StoreResult<JsonObject> Search(string? expression, JsonObject? body, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        if (MissingBoostedIndex(body, parameters) is { } missingBoosted)
        {
            return missingBoosted;
        }

        if (!QueryVectorLookup.Resolve(store, body).TryGetValue(out body, out var lookupFailed))
        {
            return lookupFailed;
        }

        if (CursorSearches.IsPointInTime(body))
        {
            var (pit, run) = _cursors.PointInTime(expression, body!, parameters);
            var result = store.Search.Search(pit.Targets, run, parameters, cancellationToken);
            result.Insert(0, "pit_id", pit.Id);
            return result;
        }

        if (!Targets(expression, parameters).TryGetValue(out var targets, out var missing))
        {
            return missing;
        }

        return parameters.ContainsKey("scroll")
            ? _cursors.OpenScroll(targets, body, parameters, cancellationToken)
            : store.Search.Search(targets, body, parameters, cancellationToken);
    }

    private RestResponse Count(RestRequest request, CancellationToken cancellationToken)
    {
        if (!Targets(request.RouteOrNull("index"), request.Query).TryGetValue(out var targets, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var body = RestJson.OptionalObject(request);
        return RestResponse.Ok(store.Search.Count(targets, body, request.Query, cancellationToken));
    }

    private RestResponse Msearch(RestRequest request, CancellationToken cancellationToken)
    {
        var started = store.Time.GetTimestamp();
        var lines = MsearchParser.Parse(request.Body);
        if (lines.Any(l => CursorSearches.IsPointInTime(l.Body) && (l.Header["index"] ?? l.Header["indices"] ?? (JsonNode?)request.RouteOrNull("index")) is not null))
        {
            // Validated for the whole request before any search runs, as Elasticsearch does.
            throw CursorErrors.Validation("[indices] cannot be used with point in time. Do not specify any index with point in time.");
        }

        var responses = new JsonArray();
        foreach (var (header, body) in lines)
        {
            var parameters = new Dictionary<string, string>(request.Query, StringComparer.Ordinal);
            parameters.Remove("max_concurrent_searches");
            parameters.Remove("max_concurrent_shard_requests");
            foreach (var (key, value) in header)
            {
                if (key is not ("index" or "indices") && value is JsonValue v)
                {
                    parameters[key] = v.ToString();
                }
            }

            var index = header["index"] ?? header["indices"];
            var expression = index switch
            {
                JsonArray array => string.Join(",", array.Select(a => a!.GetValue<string>())),
                JsonValue value => value.GetValue<string>(),
                _ => request.RouteOrNull("index"),
            };
            StoreError? failed;
            try
            {
                if (Search(expression, body, parameters, cancellationToken).TryGetValue(out var result, out failed))
                {
                    result["status"] = 200;
                    responses.Add(result);
                    continue;
                }
            }
            catch (StoreException e)
            {
                failed = e.ToError();
            }

            responses.Add(new JsonObject { ["error"] = ErrorRenderer.Cause(failed, includeRootCause: true), ["status"] = failed.Status });
        }

        return RestResponse.Ok(new JsonObject
        {
            ["took"] = (long)store.Time.GetElapsedTime(started).TotalMilliseconds,
            ["responses"] = responses,
        });
    }

    /// <summary>The indices an expression names, as search targets; a missing index is the returned error.</summary>
    internal StoreResult<List<SearchTarget>> Targets(string? expression, IReadOnlyDictionary<string, string> parameters)
    {
        // Request validation comes before index resolution in Elasticsearch.
        if (parameters.TryGetValue("terminate_after", out var terminateAfter) && terminateAfter.StartsWith('-'))
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: terminateAfter must be > 0;");
        }

        var ignoreUnavailable = Bool(parameters, "ignore_unavailable", false);
        var allowNoIndices = Bool(parameters, "allow_no_indices", true);
        var expand = ExpandWildcards.Parse(parameters.GetValueOrDefault("expand_wildcards"), WildcardStates.Open);
        if (!IndexResolver.Resolve(store.Catalog, expression, ignoreUnavailable, allowNoIndices, expand: expand).TryGetValue(out var resolved, out var missing)
            || !IndexResolver.ForbidClosed(resolved, ignoreUnavailable).TryGetValue(out resolved, out missing))
        {
            return missing;
        }

        if (resolved.Select(r => IndexBlocks.ForRead(r.Index)).FirstOrDefault(b => b is not null) is { } blocked)
        {
            return blocked;
        }

        return resolved
            .OrderBy(r => r.Index.Name, StringComparer.Ordinal)
            .Select(r => new SearchTarget(r.Index.Name, r.Index.Mapping.Compiled, r.Index.Shard, r.AliasFilter, r.Index.Aliases.Keys.ToList(), r.Index.Settings) { ExcludeSourceVectors = r.Index.ExcludeSourceVectors })
            .ToList();
    }

    // indices_boost naming an index or alias that does not exist fails as Elasticsearch's resolution does, unless
    // ignore_unavailable; matching entries to the searched indices is the search service's job.
    private StoreError? MissingBoostedIndex(JsonObject? body, IReadOnlyDictionary<string, string> parameters)
    {
        if (body?["indices_boost"] is not { } boosts || Bool(parameters, "ignore_unavailable", false))
        {
            return null;
        }

        var names = boosts switch
        {
            JsonArray array => array.OfType<JsonObject>().SelectMany(o => o.Select(p => p.Key)),
            JsonObject obj => obj.Select(p => p.Key),
            _ => [],
        };
        foreach (var name in names)
        {
            if (IndexResolver.Resolve(store.Catalog, name, ignoreUnavailable: false, allowNoIndices: true).Error is { } missing)
            {
                return missing;
            }
        }

        return null;
    }

    private static bool Bool(IReadOnlyDictionary<string, string> parameters, string name, bool fallback) =>
        parameters.TryGetValue(name, out var value) ? value is "" or "true" : fallback;
}
