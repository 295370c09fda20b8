using Gateway.Admin;
using Gateway.Peaks;
using Gateway.Peaks.References;
using Gateway.Upstream;
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
    private readonly JobRun _run = new(progress, time, logger);

    /// <summary>Runs one proposal and replaces the stored candidates.</summary>
    public Task ProposeAsync(IJobCancellationToken? cancellation, PerformContext? context)
    {
        var jobId = context?.BackgroundJob?.Id ?? "local-" + Guid.NewGuid().ToString("N")[..12];
        const string Kind = JobKinds.ReferenceCandidates;
        return _run.RunAsync(jobId, Kind, null, p => p with { Phase = "reading peaks_in_frame of the photos" }, null, async token =>
        {
            var scanned = new Progress<int>(n => progress.Update(jobId, Kind, null, p => p with { Done = n }));
            var found = await finder.FindAsync(catalog.Reload(), scanned, token).ConfigureAwait(false);
            if (found.Failure is { } failure)
            {
                return Outcome.Failed(failure);
            }

            store.Save(new ReferenceCandidateList(time.GetUtcNow(), found.Value));
            return $"{found.Value.Count} reference candidate(s) proposed";
        }, cancellation?.ShutdownToken ?? CancellationToken.None);
    }
}
