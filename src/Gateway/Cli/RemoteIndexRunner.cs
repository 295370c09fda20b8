using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Jobs;
using Gateway.Photos.Ingestion;

namespace Gateway.Cli;

/// <summary>
/// <c>gateway index</c> against a running gateway: starts the same jobs through <c>POST /_gateway/jobs</c>, follows
/// <c>GET /_gateway/jobs/{id}</c> into the progress bar, and cancels the job (<c>POST /_gateway/jobs/{id}/_cancel</c>)
/// when the command is interrupted. Used when that gateway holds the embedded store, or when <c>--server</c> is given.
/// </summary>
internal sealed class RemoteIndexRunner(HttpClient http, CliConsole output, IProgress<IngestProgress> progress, TimeSpan pollInterval)
{
    /// <summary>Runs the command's jobs; returns the exit code (0 ok, 1 some files failed, 2 a job failed).</summary>
    public async Task<int> RunAsync(string album, bool full, bool rebuildCatalog, CancellationToken cancellationToken)
    {
        if (rebuildCatalog)
        {
            var catalog = await RunJobAsync(new JsonObject { ["type"] = JobKinds.CatalogRebuild }, report: false, cancellationToken).ConfigureAwait(false);
            output.WriteLine("catalog: " + Text(catalog, "message"));
            if (Text(catalog, "state") != "succeeded")
            {
                return 2;
            }
        }

        var request = full
            ? new JsonObject { ["type"] = JobKinds.FullReindex }
            : new JsonObject { ["type"] = JobKinds.IncrementalScan, ["album"] = album };
        var job = !full && await AddedFolderScanAsync(album, cancellationToken).ConfigureAwait(false) is { } scan
            ? await FollowAsync(scan, request, report: true, cancellationToken).ConfigureAwait(false)
            : await RunJobAsync(request, report: true, cancellationToken).ConfigureAwait(false);
        var state = Text(job, "state");
        output.WriteLine($"job {Text(job, "job_id")} {state}: {Text(job, "message")}");
        foreach (var failure in job["failures"]?.AsArray() ?? [])
        {
            output.WriteLine("  failed: " + failure?.GetValue<string>());
        }

        return state != "succeeded" ? 2 : Number(job, "failed") == 0 ? 0 : 1;
    }

    private async Task<JsonObject> RunJobAsync(JsonObject request, bool report, CancellationToken cancellationToken)
    {
        using var started = await http.PostAsJsonAsync("_gateway/jobs", request, cancellationToken).ConfigureAwait(false);
        var answer = await ReadObjectAsync(started, cancellationToken).ConfigureAwait(false);
        if (!started.IsSuccessStatusCode)
        {
            throw new RemoteJobException($"the gateway refused the {request["type"]} job ({(int)started.StatusCode}): {answer["error"]?["reason"] ?? answer.ToJsonString()}");
        }

        var id = Text(answer, "job_id");
        output.WriteLine($"started {request["type"]} job {id} on {http.BaseAddress}");
        return await FollowAsync(id, request, report, cancellationToken).ConfigureAwait(false);
    }

    // A folder that is not an album of that gateway yet is added through its albums API, which starts the first scan.
    private async Task<string?> AddedFolderScanAsync(string album, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(album))
        {
            return null;
        }

        using var known = await http.GetAsync(new Uri("_gateway/albums", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var albums = (await ReadObjectAsync(known, cancellationToken).ConfigureAwait(false))["albums"]?.AsArray() ?? [];
        if (albums.Any(a => a?["name"]?.GetValue<string>() == album))
        {
            return null;
        }

        var name = Gateway.Albums.AlbumNames.FromFolder(album);
        using var added = await http.PostAsJsonAsync("_gateway/albums", new JsonObject { ["name"] = name, ["folder"] = Path.GetFullPath(album) }, cancellationToken).ConfigureAwait(false);
        var answer = await ReadObjectAsync(added, cancellationToken).ConfigureAwait(false);
        if (!added.IsSuccessStatusCode)
        {
            throw new RemoteJobException($"the gateway refused to add [{album}] as album {name} ({(int)added.StatusCode}): {answer["error"]?["reason"] ?? answer.ToJsonString()}");
        }

        output.WriteLine($"added album {name} ({Path.GetFullPath(album)}) on {http.BaseAddress}");
        return Text(answer, "scan_job_id");
    }

    private async Task<JsonObject> FollowAsync(string id, JsonObject request, bool report, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var polled = await http.GetAsync(new Uri("_gateway/jobs/" + Uri.EscapeDataString(id), UriKind.Relative), cancellationToken).ConfigureAwait(false);
                var job = await ReadObjectAsync(polled, cancellationToken).ConfigureAwait(false);
                if (!polled.IsSuccessStatusCode)
                {
                    throw new RemoteJobException($"the gateway lost job {id} ({(int)polled.StatusCode}): {job["error"]?["reason"]}");
                }

                var active = job["is_active"]?.GetValue<bool>() ?? false;
                if (report && Text(job, "state") != "enqueued")
                {
                    progress.Report(new IngestProgress(Number(job, "total"), Number(job, "done"), Number(job, "done") - Number(job, "failed"),
                        Number(job, "failed"), job["rate"]?.GetValue<double>() ?? 0, active ? Text(job, "phase") : "done"));
                }

                if (!active)
                {
                    return job;
                }

                await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted (Ctrl+C): the job would go on in the gateway, so stop it there too.
            using var cancelled = await http.PostAsync(new Uri($"_gateway/jobs/{Uri.EscapeDataString(id)}/_cancel", UriKind.Relative), null, CancellationToken.None).ConfigureAwait(false);
            output.WriteLine($"cancelled job {id} on the gateway ({(int)cancelled.StatusCode})");
            throw;
        }
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if ((int)response.StatusCode is 302 or 401 or 403 && response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            throw new RemoteJobException($"the gateway asks for admin sign-in ({(int)response.StatusCode}) before it starts jobs: start it from its /admin pages");
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new RemoteJobException($"the server answered {(int)response.StatusCode} with {text}: not a gateway jobs API");
        }
        catch (JsonException)
        {
            throw new RemoteJobException($"the server answered {(int)response.StatusCode} with non-JSON: not a gateway jobs API");
        }
    }

    private static string Text(JsonObject job, string name) => job[name]?.GetValue<string>() ?? "";

    private static int Number(JsonObject job, string name) => job[name]?.GetValue<int>() ?? 0;
}
