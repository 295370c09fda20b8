using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Errors;
using Gateway.Rewrite;

namespace Gateway.Albums;

/// <summary>
/// <c>/_gateway/albums</c>: list (GET), add (POST <c>{"name":"ebc","folder":"/photos/ebc"}</c>, starts the first scan),
/// rename (POST <c>/{name}/_rename {"name":"new"}</c>), remove (DELETE <c>/{name}</c>, deletes the album's documents).
/// </summary>
internal static class AlbumsEndpoints
{
    public static IResult List(AlbumRegistry registry) => Results.Json(new
    {
        albums = registry.All().Select(a => new { name = a.Name, folder = a.Root, editable = a.Editable, exists = Directory.Exists(a.Root) }),
    });

    public static async Task Add(HttpContext http, AlbumManager manager)
    {
        if (await ReadAsync(http, "{\"name\":\"ebc\",\"folder\":\"/photos/ebc\"}").ConfigureAwait(false) is not { } body)
        {
            return;
        }

        var (jobId, error) = manager.Add(body.Name, body.Folder);
        if (error is not null)
        {
            await WriteAsync(http, error).ConfigureAwait(false);
            return;
        }

        await Results.Json(new { acknowledged = true, name = body.Name, scan_job_id = jobId, status_url = "/_gateway/jobs/" + jobId }, statusCode: 201).ExecuteAsync(http).ConfigureAwait(false);
    }

    public static async Task Rename(string name, HttpContext http, AlbumManager manager)
    {
        if (await ReadAsync(http, "{\"name\":\"new-name\"}").ConfigureAwait(false) is not { } body)
        {
            return;
        }

        var (jobId, error) = await manager.RenameAsync(name, body.Name, http.RequestAborted).ConfigureAwait(false);
        if (error is not null)
        {
            await WriteAsync(http, error).ConfigureAwait(false);
            return;
        }

        await Results.Json(new { acknowledged = true, name = body.Name, scan_job_id = jobId }).ExecuteAsync(http).ConfigureAwait(false);
    }

    public static async Task Remove(string name, HttpContext http, AlbumManager manager)
    {
        var (deleted, error) = await manager.RemoveAsync(name, http.RequestAborted).ConfigureAwait(false);
        if (error is not null)
        {
            await WriteAsync(http, error).ConfigureAwait(false);
            return;
        }

        await Results.Json(new { acknowledged = true, name, deleted_documents = deleted }).ExecuteAsync(http).ConfigureAwait(false);
    }

    private static async Task<(string? Name, string? Folder)?> ReadAsync(HttpContext http, string example)
    {
        try
        {
            if (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false) is JsonObject request)
            {
                var unknown = request.Select(p => p.Key).Where(k => k is not ("name" or "folder")).ToList();
                if (unknown.Count > 0)
                {
                    await WriteAsync(http, AlbumError.BadRequest($"unknown field(s) [{string.Join(", ", unknown)}]; expected a body like {example}")).ConfigureAwait(false);
                    return null;
                }

                return (request["name"]?.GetValue<string>(), request["folder"]?.GetValue<string>());
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            await WriteAsync(http, new AlbumError(400, "parse_exception", $"request body must be a JSON object like {example}: {e.Message}")).ConfigureAwait(false);
            return null;
        }

        await WriteAsync(http, new AlbumError(400, "parse_exception", "request body must be a JSON object like " + example)).ConfigureAwait(false);
        return null;
    }

    private static Task WriteAsync(HttpContext http, AlbumError error) =>
        new GatewayError(new RewriteError(error.Status, error.Type, error.Reason)).WriteAsync(http.Response, http.RequestAborted);
}
