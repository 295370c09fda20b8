using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Search.Cursors;

namespace Gateway.EmbeddedStore.Rest.Api;

/// <summary><c>POST /{index}/_pit?keep_alive=</c> opens a point in time; <c>DELETE /_pit</c> closes one.</summary>
internal sealed class PointInTimeEndpoints(EmbeddedStore store, SearchEndpoints search)
{
    public void Register(RestRouter router)
    {
        router.Add("POST", "/{index}/_pit", (r, _) => ValueTask.FromResult(Open(r)));
        router.Add("DELETE", "/_pit", (r, _) => ValueTask.FromResult(Close(r)));
    }

    private RestResponse Open(RestRequest request)
    {
        if (request.Param("keep_alive") is not { } keepAliveText)
        {
            throw CursorErrors.Validation("[keep_alive] is not specified");
        }

        var keepAlive = KeepAlive.Parse(keepAliveText, "keep_alive", store.ClusterSettings.MaxKeepAlive);
        if (!search.Targets(request.Route("index"), request.Query).TryGetValue(out var targets, out var missing))
        {
            return ErrorRenderer.Render(missing);
        }

        var pit = store.Cursors.OpenPointInTime(targets, keepAlive);
        return RestResponse.Ok(new JsonObject
        {
            ["id"] = pit.Id,
            ["_shards"] = new JsonObject { ["total"] = targets.Count, ["successful"] = targets.Count, ["skipped"] = 0, ["failed"] = 0 },
        });
    }

    private RestResponse Close(RestRequest request)
    {
        var body = RestJson.RequiredObject(request);
        if (body["id"] is not JsonValue id)
        {
            throw CursorErrors.Validation("point in time id must be specified");
        }

        var closed = store.Cursors.ClosePointInTime(id.ToString());
        return RestResponse.Json(closed ? 200 : 404, new JsonObject { ["succeeded"] = true, ["num_freed"] = closed ? 1 : 0 });
    }
}
