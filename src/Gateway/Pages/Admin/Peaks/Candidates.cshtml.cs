using Gateway.Admin;
using Gateway.Jobs;
using Gateway.Peaks;
using Gateway.Peaks.References;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Pages.Admin.Peaks;

/// <summary>The reference candidates the proposal job found, for one-click approval (reference) or rejection (negative).</summary>
/// <remarks>The jobs feature is optional: without it the page lists stored candidates but cannot start a run.</remarks>
internal sealed class CandidatesModel(PeakEditor editor, ReferenceCandidateStore store, PhotoMarker marker, JobLauncher? launcher = null) : PageModel
{
    /// <summary>When the last run finished, if any has.</summary>
    public DateTimeOffset? ProposedAt { get; private set; }

    /// <summary>The open candidates with their peak.</summary>
    public IReadOnlyList<(ReferenceCandidate Candidate, Peak Peak)> Candidates { get; private set; } = [];

    /// <summary>Whether this host can start the proposal job.</summary>
    public bool CanPropose => launcher is not null;

    /// <summary>Lists the open candidates.</summary>
    public void OnGet()
    {
        var list = store.Open(editor.Peaks);
        ProposedAt = list.ProposedAt;
        Candidates = [.. list.Candidates.Select(c => (c, editor.Find(c.PeakId)!))];
    }

    /// <summary>Starts a proposal run.</summary>
    public IActionResult OnPostPropose()
    {
        var (jobId, _, error) = launcher?.Start(JobKinds.ReferenceCandidates, null, false) ?? (null, 0, "this gateway runs no jobs");
        Flash(jobId is null ? "Could not start the proposal: " + error : $"Started job {jobId}: proposing reference candidates. Reload in a moment.", jobId is null);
        return RedirectToPage();
    }

    /// <summary>Approves a candidate: the photo becomes a reference of the peak.</summary>
    public Task<IActionResult> OnPostApproveAsync(string peak, string album, string path) => MarkAsync(peak, album, path, PhotoMark.Reference);

    /// <summary>Rejects a candidate: the photo becomes a negative of the peak.</summary>
    public Task<IActionResult> OnPostRejectAsync(string peak, string album, string path) => MarkAsync(peak, album, path, PhotoMark.Negative);

    private async Task<IActionResult> MarkAsync(string peakId, string album, string path, PhotoMark mark)
    {
        var outcome = await marker.MarkAsync(peakId, new AlbumPhoto(album, path), mark, HttpContext.RequestAborted).ConfigureAwait(false);
        var name = editor.Find(peakId)?.DisplayName ?? peakId;
        Flash(
            outcome.Error?.Reason
                ?? (mark == PhotoMark.Reference ? $"{path} is now a reference photo of {name}." : $"{path} is marked as not {name}.")
                + (outcome.RebuildProblem is { } problem ? " Rebuild failed: " + problem : ""),
            outcome.Error is not null || outcome.RebuildProblem is not null);
        return RedirectToPage();
    }

    private void Flash(string text, bool error)
    {
        TempData["Flash"] = text;
        TempData["FlashKind"] = error ? "error" : "";
    }
}
