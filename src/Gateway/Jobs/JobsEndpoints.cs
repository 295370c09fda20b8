using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Albums;
using Gateway.Errors;
using Gateway.Rewrite;

namespace Gateway.Jobs;

/// <summary><c>/_gateway/jobs</c>: list and progress (GET; one job with its chunk jobs), start (POST), cancel (POST <c>/{id}/_cancel</c>).</summary>
internal static class JobsEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IResult List(JobProgressStore progress, AlbumRegistry albums) => Results.Json(new
    {
        jobs = progress.List(),
        albums = albums.All().Select(a => new { name = a.Name, root = a.Root }),
        types = JobKinds.All,
    }, Json);

    public static async Task Get(string id, JobProgressStore progress, HttpContext http)
    {
        if (progress.Get(id) is { } job)
        {
            // An album scan or full reindex lists its chunk jobs: where each runs or ran, and how far it got.
            var body = JsonSerializer.SerializeToNode(job, Json)!.AsObject();
            body["chunk_jobs"] = JsonSerializer.SerializeToNode(progress.Chunks(id), Json);
            await Results.Json(body, Json).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        await Error(http, 404, "resource_not_found_exception", $"job [{id}] is not known to this gateway").ConfigureAwait(false);
    }

    public static async Task Start(HttpContext http, JobLauncher launcher)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            await Error(http, 400, "parse_exception", "request body is not JSON: " + e.Message).ConfigureAwait(false);
            return;
        }

        if (body is not JsonObject request)
        {
            await Error(http, 400, "parse_exception", "request body must be an object like {\"type\":\"incremental-scan\",\"album\":\"ebc\"}").ConfigureAwait(false);
            return;
        }

        string? type, album;
        bool force;
        try
        {
            type = request["type"]?.GetValue<string>();
            album = request["album"]?.GetValue<string>();
            force = request["force"]?.GetValue<bool>() ?? false;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            await Error(http, 400, "illegal_argument_exception", "[type] and [album] must be strings, [force] a boolean").ConfigureAwait(false);
            return;
        }

        var (jobId, status, error) = launcher.Start(type, album, force);
        if (jobId is null)
        {
            await Error(http, status, status == 409 ? "status_exception" : "illegal_argument_exception", error!).ConfigureAwait(false);
            return;
        }

        await Results.Json(new { job_id = jobId, type, album, status_url = "/_gateway/jobs/" + jobId }, Json, statusCode: 202).ExecuteAsync(http).ConfigureAwait(false);
    }

    public static async Task Cancel(string id, HttpContext http, JobLauncher launcher, JobProgressStore progress)
    {
        var known = progress.Get(id);
        if (known is { IsActive: false })
        {
            await Error(http, 409, "status_exception", $"job [{id}] already {known.State}").ConfigureAwait(false);
            return;
        }

        if (!launcher.Cancel(id))
        {
            await Error(http, 404, "resource_not_found_exception", $"job [{id}] does not exist").ConfigureAwait(false);
            return;
        }

        await Results.Json(new { job_id = id, cancelled = true }, Json).ExecuteAsync(http).ConfigureAwait(false);
    }

    private static Task Error(HttpContext http, int status, string type, string reason) =>
        new GatewayError(new RewriteError(status, type, reason)).WriteAsync(http.Response, http.RequestAborted);
}
