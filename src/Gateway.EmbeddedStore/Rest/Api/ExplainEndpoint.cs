using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary>
/// <c>GET|POST /{index}/_explain/{id}</c>: whether one document matches a query and how it scores, on the searchable
/// (refreshed) snapshot as Elasticsearch's explain reads the shard's searcher; the document itself comes from the
/// realtime table when <c>_source</c> or <c>stored_fields</c> ask for it.
/// </summary>
internal sealed class ExplainEndpoint(EmbeddedStore store)
{
    private static readonly string[] Parameters =
    [
        "index", "id", "analyze_wildcard", "analyzer", "default_operator", "df", "stored_fields", "lenient", "preference", "q", "routing",
        "_source", "_source_excludes", "_source_includes", "_source_exclude", "_source_include",
    ];

    public void Register(RestRouter router) =>
        router.Add(["GET", "POST"], "/{index}/_explain/{id}", (r, c) => ValueTask.FromResult(Explain(r, c)));

    private RestResponse Explain(RestRequest request, CancellationToken cancellationToken)
    {
        UrlParameters.Check(request, Parameters);
        var query = Query(request);
        var name = request.Route("index");
        if (!WriteTargets.ForRead(store, name).TryGetValue(out var index, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var id = request.Route("id");
        var target = new SearchTarget(index.Name, index.Mapping.Compiled, index.Shard, index.Aliases.GetValueOrDefault(name)?.Filter, index.Aliases.Keys.ToList(), index.Settings);
        var service = store.Search as SearchService ?? throw new NotSupportedException("The explain API needs the store's own SearchService.");
        var explained = service.Explain(target, id, query, cancellationToken);
        var result = new JsonObject { ["_index"] = index.Name, ["_id"] = id, ["matched"] = explained.Matched };
        if (!explained.Found)
        {
            return RestResponse.Json(404, result);
        }

        result["explanation"] = explained.Explanation!.ToJson();
        var spec = SourceSpec.FromQuery(request);
        var asked = request.Param("stored_fields") is not null || (spec.Fetch && (request.Param("_source") ?? request.Param("_source_includes") ?? request.Param("_source_include")
            ?? request.Param("_source_excludes") ?? request.Param("_source_exclude")) is not null);
        if (asked && index.Documents.GetValueOrDefault(id) is { Deleted: false } entry)
        {
            var get = GetResponses.Build(index, id, entry, spec);
            get.Remove("_index");
            get.Remove("_id");
            get.Remove("_version");
            result["get"] = get;
        }

        return RestResponse.Ok(result);
    }

    // The body's query wins over q=, as in Elasticsearch's RestExplainAction; the body holds nothing but the query.
    private static QueryNode Query(RestRequest request)
    {
        if (RestJson.OptionalObject(request) is { } body)
        {
            foreach (var (key, _) in body)
            {
                if (key != "query")
                {
                    throw StoreException.Parsing("request does not support [" + key + "]");
                }
            }

            if (body["query"] is { } query)
            {
                return QueryParser.Parse(query);
            }
        }
        else if (request.Param("q") is { } q)
        {
            if (request.Param("analyzer") is not null)
            {
                throw Search.Execution.SearchParameters.Unsupported("URL parameter [analyzer]");
            }

            if (request.Flag("analyze_wildcard", false))
            {
                throw Search.Execution.SearchParameters.Unsupported("URL parameter [analyze_wildcard]");
            }

            var op = request.Param("default_operator");
            if (op is not null && !op.Equals("and", StringComparison.OrdinalIgnoreCase) && !op.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                throw StoreException.IllegalArgument("operator needs to be either [OR, AND], but not [" + op + "]");
            }

            return QueryStringQuery.FromUrl(q, request.Param("df"), op);
        }

        throw new StoreException(400, "action_request_validation_exception", "Validation Failed: 1: query is missing;");
    }
}
