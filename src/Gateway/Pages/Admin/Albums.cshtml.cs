using System.Text.Json.Nodes;
using Gateway.Jobs;
using Gateway.Photos.Ingestion;
using Gateway.Ui;
using Gateway.Upstream;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Pages.Admin;

/// <summary>Album roots, reindex jobs (start, cancel, live progress, history, failures) and schedules.</summary>
public sealed class AlbumsModel(IServiceProvider services, IOptions<PhotosOptions> photos, UpstreamClient upstream, UiOptions ui) : PageModel
{
    private JobLauncher? Launcher => services.GetService<JobLauncher>();

    /// <summary>Whether the host runs the jobs feature.</summary>
    public bool JobsEnabled => Launcher is not null;

    /// <summary>Configured albums with their absolute roots.</summary>
    public IReadOnlyList<(string Name, string Root, bool Exists)> Albums { get; private set; } = [];

    /// <summary>Indexed photos per album.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();

    /// <summary>Jobs, newest first.</summary>
    public IReadOnlyList<JobProgress> Jobs { get; private set; } = [];

    /// <summary>Recurring schedules from configuration.</summary>
    public IReadOnlyList<RecurringScheduleOptions> Schedules { get; private set; } = [];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync()
    {
        Albums = photos.Value.Albums.Select(a => (a.Name, Path.GetFullPath(a.Root), Directory.Exists(a.Root))).ToList();
        Jobs = services.GetService<JobProgressStore>()?.List() ?? [];
        Schedules = services.GetService<IOptions<JobsOptions>>()?.Value.Recurring ?? [];
        var body = new JsonObject
        {
            ["size"] = 0,
            ["aggs"] = new JsonObject { ["albums"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "album", ["size"] = 1000 } } },
        };
        var response = await upstream.SendAsync(HttpMethod.POST, $"/{ui.PhotosIndex}/_search", body.ToJsonString(), cancellationToken: HttpContext.RequestAborted).ConfigureAwait(false);
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
