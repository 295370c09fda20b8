using System.Text.Json.Nodes;

namespace Gateway.PhotoFiles;

/// <summary>Elasticsearch-shaped error bodies for the photo endpoints, so every client reads them alike.</summary>
internal static class PhotoErrors
{
    public static IResult Result(int status, string type, string reason)
    {
        var cause = new JsonObject { ["type"] = type, ["reason"] = reason };
        var body = new JsonObject
        {
            ["error"] = new JsonObject { ["root_cause"] = new JsonArray(cause.DeepClone()), ["type"] = type, ["reason"] = reason },
            ["status"] = status,
        };
        return Results.Content(body.ToJsonString(), "application/json", statusCode: status);
    }
}
