using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Indices;
using Gateway.EmbeddedStore.Indices.FieldCaps;
using Gateway.EmbeddedStore.Search;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>GET|POST [/{index}]/_field_caps</c>: the capabilities of fields across indices (<see cref="IndexFieldCaps"/>,
/// <see cref="FieldCapsMerger"/>), with <c>fields</c> patterns, <c>filters</c>, <c>types</c>, <c>include_unmapped</c>,
/// <c>include_empty_fields</c> and a body <c>index_filter</c> that leaves out the indices where it matches no document.
/// </summary>
internal sealed class FieldCapsEndpoint(EmbeddedStore store)
{
    private static readonly string[] Parameters =
    [
        "index", "fields", "ignore_unavailable", "allow_no_indices", "expand_wildcards", "include_unmapped", "filters", "types", "include_empty_fields",
    ];

    private static readonly HashSet<string> KnownFilters = new(StringComparer.Ordinal) { "+metadata", "-metadata", "-nested", "-multifield", "-parent" };

    public void Register(RestRouter router)
    {
        router.Add(["GET", "POST"], "/_field_caps", (r, c) => ValueTask.FromResult(FieldCaps(r, c)));
        router.Add(["GET", "POST"], "/{index}/_field_caps", (r, c) => ValueTask.FromResult(FieldCaps(r, c)));
    }

    private RestResponse FieldCaps(RestRequest request, CancellationToken cancellationToken)
    {
        UrlParameters.Check(request, Parameters);
        var body = RestJson.OptionalObject(request);
        var fields = Split(request.Param("fields"));
        JsonObject? indexFilter = null;
        foreach (var (key, value) in body ?? [])
        {
            switch (key)
            {
                case "fields":
                    fields = value switch
                    {
                        JsonArray array => array.Select(v => JsonValues.AsString(v) ?? string.Empty).ToList(),
                        _ => Split(JsonValues.AsString(value)),
                    };
                    break;
                case "index_filter":
                    indexFilter = value as JsonObject ?? throw StoreException.Parsing("[field_caps_request] index_filter doesn't support values of type: " + JsonValues.TokenName(value));
                    break;
                case "runtime_mappings":
                    throw SearchParameters.Unsupported("[runtime_mappings]");
                default:
                    throw new StoreException(400, "x_content_parse_exception", "[field_caps_request] unknown field [" + key + "]");
            }
        }

        if (fields.Count == 0)
        {
            throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: specified fields can't be null or empty;");
        }

        var filters = Split(request.Param("filters"));
        foreach (var filter in filters)
        {
            if (!KnownFilters.Contains(filter))
            {
                throw StoreException.IllegalArgument("Unknown field caps filter [" + filter + "]");
            }
        }

        var caps = new FieldCapsRequest(fields, filters, Split(request.Param("types")), request.Flag("include_unmapped", false), request.Flag("include_empty_fields", true));
        var ignoreUnavailable = request.Flag("ignore_unavailable", false);
        if (!IndexResolver.Resolve(store.Catalog, request.RouteOrNull("index"), ignoreUnavailable, request.Flag("allow_no_indices", true),
                expand: ExpandWildcards.Parse(request.Param("expand_wildcards"), WildcardStates.Open)).TryGetValue(out var resolved, out var missing)
            || !IndexResolver.ForbidClosed(resolved, ignoreUnavailable).TryGetValue(out resolved, out missing))
        {
            return ErrorRenderer.Render(missing);
        }

        if (indexFilter is not null)
        {
            // A malformed filter is refused before any index is looked at.
            Search.Query.QueryParser.Parse(indexFilter);
        }

        var responses = new List<(string Index, Dictionary<string, IndexFieldCapability> Fields)>();
        foreach (var index in resolved.Select(r => r.Index).DistinctBy(i => i.Name))
        {
            if (indexFilter is not null && !CanMatch(index, indexFilter, cancellationToken))
            {
                continue;
            }

            responses.Add((index.Name, IndexFieldCaps.For(index, caps)));
        }

        return RestResponse.Ok(new JsonObject
        {
            ["indices"] = new JsonArray(responses.Select(r => r.Index).Order(StringComparer.Ordinal).Select(i => (JsonNode)i).ToArray()),
            ["fields"] = FieldCapsMerger.Merge(responses, caps.IncludeUnmapped),
        });
    }

    // Elasticsearch leaves out the indices its pre-filter proves the filter cannot match; the store leaves out those
    // where it matches no searchable document.
    private bool CanMatch(IndexState index, JsonObject filter, CancellationToken cancellationToken)
    {
        var target = new SearchTarget(index.Name, index.Mapping.Compiled, index.Shard, null, index.Aliases.Keys.ToList(), index.Settings);
        var count = store.Search.Count([target], new JsonObject { ["query"] = filter.DeepClone() }, new Dictionary<string, string>(), cancellationToken);
        return count["count"]!.GetValue<long>() > 0;
    }

    private static List<string> Split(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
