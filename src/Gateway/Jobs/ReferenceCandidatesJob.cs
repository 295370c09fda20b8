using Gateway.Admin;
using Gateway.Peaks;
using Gateway.Peaks.References;
using Hangfire;
using Hangfire.Server;

namespace Gateway.Jobs;

/// <summary>
/// The <c>reference-candidates</c> job: proposes album photos as reference photos (exactly one catalog peak near the
/// frame centre, close; see <see cref="ReferenceCandidateRule"/>) and stores them for the admin's approval list
/// (<c>/admin/peaks/candidates</c>). Reads the photos index only, so it holds no album lock.
/// </summary>
[AutomaticRetry(Attempts = 0)]
internal sealed class ReferenceCandidatesJob(
    ReferenceCandidateFinder finder,
    PeakCatalog catalog,
    ReferenceCandidateStore store,
    JobProgressStore progress,
    TimeProvider time,
    ILogger<ReferenceCandidatesJob> logger)
{
    /// <summary>Runs one proposal and replaces the stored candidates.</summary>
    public async Task ProposeAsync(IJobCancellationToken? cancellation, PerformContext? context)
    {
        var jobId = context?.BackgroundJob?.Id ?? "local-" + Guid.NewGuid().ToString("N")[..12];
        const string Kind = JobKinds.ReferenceCandidates;
        var token = cancellation?.ShutdownToken ?? CancellationToken.None;
        progress.Update(jobId, Kind, null, p => p with { State = "running", StartedAt = time.GetUtcNow(), Phase = "reading peaks_in_frame of the photos" });
        try
        {
            var scanned = new Progress<int>(n => progress.Update(jobId, Kind, null, p => p with { Done = n }));
            var candidates = await finder.FindAsync(catalog.Reload(), scanned, token).ConfigureAwait(false);
            store.Save(new ReferenceCandidateList(time.GetUtcNow(), candidates));
            var message = $"{candidates.Count} reference candidate(s) proposed";
            progress.Update(jobId, Kind, null, p => p with { State = "succeeded", Phase = "done", FinishedAt = time.GetUtcNow(), Message = message });
            JobsLog.Finished(logger, jobId, Kind, null, message);
        }
        catch (OperationCanceledException)
        {
            progress.Update(jobId, Kind, null, p => p with { State = "cancelled", Phase = "cancelled", FinishedAt = time.GetUtcNow(), Message = "cancelled" });
            JobsLog.Cancelled(logger, jobId, Kind, null);
            throw;
        }
        catch (Exception e)
        {
            progress.Update(jobId, Kind, null, p => p with { State = "failed", Phase = "failed", FinishedAt = time.GetUtcNow(), Message = e.Message });
            JobsLog.Failed(logger, e, jobId, Kind, null);
            throw;
        }
    }
}
