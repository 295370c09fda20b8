using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Errors;
using Gateway.Rewrite;

namespace Gateway.Jobs;

/// <summary>
/// <c>/_gateway/schedules</c>: list with next runs (GET), create or replace (PUT <c>/{id}</c>
/// <c>{"job":"incremental-scan","album":"ebc","cron":"0 3 * * *"}</c>), delete (DELETE <c>/{id}</c>).
/// </summary>
internal static class SchedulesEndpoints
{
    public static IResult List(ScheduleRegistry schedules, TimeProvider time) => Results.Json(new
    {
        schedules = schedules.All().Select(s => new
        {
            id = s.Id,
            job = s.Job,
            album = s.Album,
            cron = s.Cron,
            editable = s.Editable,
            next_run = ScheduleRules.NextRun(s.Cron, time.GetUtcNow().UtcDateTime),
        }),
    });

    public static async Task Put(string id, HttpContext http, ScheduleRegistry schedules, TimeProvider time)
    {
        string? job, album, cron;
        try
        {
            var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false) as JsonObject
                ?? throw new JsonException("not an object");
            if (body.Select(p => p.Key).FirstOrDefault(k => k is not ("job" or "album" or "cron")) is { } unknown)
            {
                await Error(http, 400, "illegal_argument_exception", $"unknown field [{unknown}]; expected job, album, cron").ConfigureAwait(false);
                return;
            }

            (job, album, cron) = (body["job"]?.GetValue<string>(), body["album"]?.GetValue<string>(), body["cron"]?.GetValue<string>());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            await Error(http, 400, "parse_exception", "request body must be a JSON object like {\"job\":\"incremental-scan\",\"album\":\"ebc\",\"cron\":\"0 3 * * *\"}").ConfigureAwait(false);
            return;
        }

        if (schedules.Save(id, job, album, cron) is { } error)
        {
            await Error(http, 400, "illegal_argument_exception", error).ConfigureAwait(false);
            return;
        }

        await Results.Json(new { acknowledged = true, id, next_run = ScheduleRules.NextRun(cron, time.GetUtcNow().UtcDateTime) }).ExecuteAsync(http).ConfigureAwait(false);
    }

    public static async Task Delete(string id, HttpContext http, ScheduleRegistry schedules)
    {
        if (schedules.Delete(id) is { } error)
        {
            await Error(http, error.Contains("does not exist", StringComparison.Ordinal) ? 404 : 400, error.Contains("does not exist", StringComparison.Ordinal) ? "resource_not_found_exception" : "illegal_argument_exception", error).ConfigureAwait(false);
            return;
        }

        await Results.Json(new { acknowledged = true, id }).ExecuteAsync(http).ConfigureAwait(false);
    }

    private static Task Error(HttpContext http, int status, string type, string reason) =>
        new GatewayError(new RewriteError(status, type, reason)).WriteAsync(http.Response, http.RequestAborted);
}
