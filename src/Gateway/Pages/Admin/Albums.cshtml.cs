using System.Text.Json.Nodes;
using Gateway.Albums;
using Gateway.Jobs;
using Gateway.Upstream;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Pages.Admin;

/// <summary>Albums (add, rename, remove), reindex jobs (start, cancel, live progress, history, failures) and schedules.</summary>
/// <remarks>The jobs services are optional: a host without the jobs feature leaves them out (defaults null).</remarks>
internal sealed class AlbumsModel(
    UpstreamClient upstream,
    GatewayIndicesOptions indices,
    TimeProvider time,
    JobLauncher? launcher = null,
    JobProgressStore? progress = null,
    AlbumRegistry? albums = null,
    AlbumManager? manager = null,
    ScheduleRegistry? schedules = null) : PageModel
{
    private JobLauncher? Launcher => launcher;

    private AlbumManager? Manager => manager;

    /// <summary>Whether the host runs the jobs feature.</summary>
    public bool JobsEnabled => Launcher is not null;

    /// <summary>Every album with whether its folder exists.</summary>
    public IReadOnlyList<(Album Album, bool Exists)> Albums { get; private set; } = [];

    /// <summary>Indexed photos per album.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();

    /// <summary>Jobs, newest first.</summary>
    public IReadOnlyList<JobProgress> Jobs { get; private set; } = [];

    /// <summary>Recurring schedules (configuration and admin) with their next run (null: invalid or never).</summary>
    public IReadOnlyList<(Schedule Schedule, DateTime? NextRun)> Schedules { get; private set; } = [];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync()
    {
        Albums = (albums?.All() ?? []).Select(a => (a, Directory.Exists(a.Root))).ToList();
        Jobs = progress?.List() ?? [];
        var now = time.GetUtcNow().UtcDateTime;
        Schedules = (schedules?.All() ?? []).Select(s => (s, ScheduleRules.NextRun(s.Cron, now))).ToList();
        var body = new JsonObject
        {
            ["size"] = 0,
            ["aggs"] = new JsonObject { ["albums"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "album", ["size"] = 1000 } } },
        };
        var response = await upstream.SendAsync(HttpMethod.POST, $"/{indices.Photos}/_search", body.ToJsonString(), cancellationToken: HttpContext.RequestAborted).ConfigureAwait(false);
        Counts = (response.Body?["aggregations"]?["albums"]?["buckets"] as JsonArray ?? [])
            .Where(b => b?["key"] is not null)
            .ToDictionary(b => b!["key"]!.ToString(), b => b!["doc_count"]?.GetValue<long>() ?? 0);
    }

    /// <summary>Starts a job of <paramref name="kind"/> (for <paramref name="album"/> when it is a scan).</summary>
    public IActionResult OnPostStart(string kind, string? album, bool force)
    {
        if (Launcher is not { } launcher)
        {
            return NotFound();
        }

        var (jobId, _, error) = launcher.Start(kind, album, force);
        TempData["Flash"] = error ?? $"Started {kind}{(album is null ? "" : " of " + album)} (job {jobId}).";
        TempData["FlashKind"] = error is null ? "" : "error";
        return RedirectToPage();
    }

    /// <summary>Adds an album and starts its first scan.</summary>
    public IActionResult OnPostAdd(string? name, string? folder)
    {
        if (Manager is not { } manager)
        {
            return NotFound();
        }

        var (jobId, error) = manager.Add(name?.Trim(), folder?.Trim());
        return Flash(error, $"Added album {name}; its first scan is job {jobId}.");
    }

    /// <summary>Renames an album (its photos are indexed again under the new name).</summary>
    public async Task<IActionResult> OnPostRenameAsync(string name, string? newName)
    {
        if (Manager is not { } manager)
        {
            return NotFound();
        }

        var (jobId, error) = await manager.RenameAsync(name, newName?.Trim(), HttpContext.RequestAborted).ConfigureAwait(false);
        return Flash(error, $"Renamed album {name} to {newName}; indexing it again as job {jobId}.");
    }

    /// <summary>Removes an album and its indexed photos (the photo files stay).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string name)
    {
        if (Manager is not { } manager)
        {
            return NotFound();
        }

        var (deleted, error) = await manager.RemoveAsync(name, HttpContext.RequestAborted).ConfigureAwait(false);
        return Flash(error, $"Removed album {name} ({deleted} indexed photos deleted; the files are untouched).");
    }

    private RedirectToPageResult Flash(AlbumError? error, string success)
    {
        TempData["Flash"] = error?.Reason ?? success;
        TempData["FlashKind"] = error is null ? "" : "error";
        return RedirectToPage();
    }

    /// <summary>Creates or replaces a schedule.</summary>
    public IActionResult OnPostSaveSchedule(string? id, string? job, string? album, string? cron)
    {
        if (schedules is null)
        {
            return NotFound();
        }

        var error = schedules.Save(id?.Trim(), job, string.IsNullOrWhiteSpace(album) ? null : album, cron);
        return Flash(error is null ? null : AlbumError.BadRequest(error), $"Saved schedule {id}.");
    }

    /// <summary>Deletes a schedule (it stops firing at once).</summary>
    public IActionResult OnPostDeleteSchedule(string id)
    {
        if (schedules is null)
        {
            return NotFound();
        }

        var error = schedules.Delete(id);
        return Flash(error is null ? null : AlbumError.BadRequest(error), $"Deleted schedule {id}.");
    }

    /// <summary>Cancels a job.</summary>
    public IActionResult OnPostCancel(string jobId)
    {
        if (Launcher is not { } launcher)
        {
            return NotFound();
        }

        TempData["Flash"] = launcher.Cancel(jobId) ? $"Cancelling job {jobId}." : $"Job {jobId} could not be cancelled (finished already?).";
        return RedirectToPage();
    }
}
