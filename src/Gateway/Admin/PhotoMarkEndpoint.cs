using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Errors;
using Gateway.Peaks;
using Gateway.Rewrite;

namespace Gateway.Admin;

/// <summary>
/// <c>POST /_gateway/peaks/{id}/_mark</c> with <c>{"album":"ebc","path":"day3/IMG_1.HEIC","as":"reference"}</c>
/// (<c>as</c>: <c>reference</c>, <c>negative</c> or <c>none</c>): the admin's "This is" / "Not" of the photo detail view.
/// </summary>
internal static class PhotoMarkEndpoint
{
    private const string Example = "{\"album\":\"ebc\",\"path\":\"day3/IMG_0042.HEIC\",\"as\":\"reference\"}";

    public static async Task HandleAsync(string id, HttpContext http, PhotoMarker marker)
    {
        var (request, error) = await ReadAsync(http).ConfigureAwait(false);
        if (error is not null)
        {
            await new GatewayError(error).WriteAsync(http.Response, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        var (photo, mark) = request!.Value;
        var outcome = await marker.MarkAsync(id, photo, mark, http.RequestAborted).ConfigureAwait(false);
        if (outcome.Error is { } refused)
        {
            await new GatewayError(refused).WriteAsync(http.Response, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        await Results.Json(new
        {
            acknowledged = true,
            peak = id,
            album = photo.Album,
            path = photo.Path,
            @as = Name(mark),
            album_references = outcome.References,
            album_negatives = outcome.Negatives,
            prototype_rebuilt = outcome.RebuildProblem is null,
            rebuild_problem = outcome.RebuildProblem,
        }).ExecuteAsync(http).ConfigureAwait(false);
    }

    private static async Task<((AlbumPhoto, PhotoMark)? Request, RewriteError? Error)> ReadAsync(HttpContext http)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return (null, Bad("parse_exception", "request body is not JSON: " + e.Message));
        }

        if (body is not JsonObject request)
        {
            return (null, Bad("parse_exception", "request body must be an object like " + Example));
        }

        var unknown = request.Select(p => p.Key).Where(k => k is not ("album" or "path" or "as")).ToList();
        if (unknown.Count > 0)
        {
            return (null, Bad("illegal_argument_exception", $"unknown field(s) [{string.Join(", ", unknown)}]; expected a body like {Example}"));
        }

        var album = Text(request["album"]);
        var path = Text(request["path"]);
        var mark = Text(request["as"]) switch
        {
            "reference" => PhotoMark.Reference,
            "negative" => PhotoMark.Negative,
            "none" => PhotoMark.None,
            _ => (PhotoMark?)null,
        };
        if (album is null || path is null || mark is null)
        {
            return (null, Bad("illegal_argument_exception", "[album] and [path] must be non-empty strings and [as] one of [reference, negative, none]; expected a body like " + Example));
        }

        return ((new AlbumPhoto(album, path), mark.Value), null);
    }

    private static string Name(PhotoMark mark) => mark switch
    {
        PhotoMark.Reference => "reference",
        PhotoMark.Negative => "negative",
        _ => "none",
    };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static RewriteError Bad(string type, string reason) => new(400, type, reason);
}
