using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Search.Cursors;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary><c>_search/scroll</c> (next page) and <c>DELETE _search/scroll</c> (clear, also <c>_all</c>).</summary>
internal sealed class ScrollEndpoints(EmbeddedStore store)
{
    private readonly CursorSearches _cursors = new(store);

    public void Register(RestRouter router)
    {
        router.Add(["GET", "POST"], "/_search/scroll", (r, _) => ValueTask.FromResult(Next(r)));
        router.Add(["GET", "POST"], "/_search/scroll/{scroll_id}", (r, _) => ValueTask.FromResult(Next(r)));
        router.Add("DELETE", "/_search/scroll", (r, _) => ValueTask.FromResult(Clear(r)));
        router.Add("DELETE", "/_search/scroll/{scroll_id}", (r, _) => ValueTask.FromResult(Clear(r)));
    }

    private RestResponse Next(RestRequest request)
    {
        // Body values win over the URL's, as in Elasticsearch's RestSearchScrollAction.
        var body = RestJson.OptionalObject(request);
        var scrollId = Text(body?["scroll_id"]) ?? request.RouteOrNull("scroll_id") ?? request.Param("scroll_id");
        var keepAlive = Text(body?["scroll"]) ?? request.Param("scroll");
        if (string.IsNullOrEmpty(scrollId))
        {
            throw CursorErrors.Validation("scrollId is missing");
        }

        return RestResponse.Ok(_cursors.Continue(scrollId, keepAlive, request.Flag("rest_total_hits_as_int", false)));
    }

    private RestResponse Clear(RestRequest request)
    {
        var body = RestJson.OptionalObject(request);
        var ids = body?["scroll_id"] switch
        {
            JsonArray array => array.Select(Text).OfType<string>().ToList(),
            JsonValue value => [value.ToString()],
            _ => (request.RouteOrNull("scroll_id") ?? request.Param("scroll_id"))?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList() ?? [],
        };
        if (ids.Count == 0)
        {
            throw CursorErrors.Validation("no scroll ids specified");
        }

        var freed = ids.Contains("_all") ? store.Cursors.ClearAllScrolls() : store.Cursors.ClearScrolls(ids);
        return RestResponse.Json(freed == 0 ? 404 : 200, new JsonObject { ["succeeded"] = true, ["num_freed"] = freed });
    }

    private static string? Text(JsonNode? node) => node is JsonValue value ? value.ToString() : null;
}
