using Gateway.Upstream;

namespace Gateway.Jobs;

/// <summary>
/// The bookkeeping every job shares: its <see cref="JobProgressStore"/> record from running to succeeded, failed or
/// cancelled (or back to enqueued when this gateway shuts down and Hangfire runs the job again), its log lines, and its
/// failure as one message. The work answers its summary or why it failed; a failure is recorded, then ends in a
/// <see cref="JobFailedException"/> so that Hangfire marks the job failed too.
/// </summary>
internal sealed class JobRun(JobProgressStore progress, TimeProvider time, ILogger logger)
{
    /// <summary>Runs <paramref name="work"/> as job <paramref name="jobId"/>. <paramref name="start"/> adds the job's own
    /// fields to the running record; <paramref name="failures"/>, when given, is recorded with the outcome.</summary>
    public async Task RunAsync(
        string jobId,
        string kind,
        string? album,
        Func<JobProgress, JobProgress> start,
        IReadOnlyList<string>? failures,
        Func<CancellationToken, Task<Outcome<string>>> work,
        CancellationToken token)
    {
        progress.Update(jobId, kind, album, p => start(p with { State = "running", StartedAt = time.GetUtcNow() }));
        Outcome<string> outcome;
        try
        {
            outcome = await work(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!progress.IsDeleted(jobId))
        {
            // This gateway is shutting down: Hangfire gives the job back to the queue and it runs again (here after
            // a restart, or on another gateway sharing the storage), resuming where it can.
            progress.Update(jobId, kind, album, p => p with { State = "enqueued", Phase = "interrupted by a gateway shutdown; runs again" });
            throw;
        }
        catch (OperationCanceledException)
        {
            progress.Update(jobId, kind, album, p => p with { State = "cancelled", Phase = "cancelled", FinishedAt = time.GetUtcNow(), Message = "cancelled" });
            JobsLog.Cancelled(logger, jobId, kind, album);
            throw;
        }
        catch (Exception e)
        {
            // A programmer error or broken configuration: recorded like a failure, with the exception in the log.
            progress.Update(jobId, kind, album, p => Finish(p, "failed", "failed", e.Message, failures));
            JobsLog.Failed(logger, e, jobId, kind, album);
            throw;
        }

        if (outcome.Failure is { } failure)
        {
            progress.Update(jobId, kind, album, p => Finish(p, "failed", "failed", failure, failures));
            JobsLog.FailedWith(logger, jobId, kind, album, failure);
            throw new JobFailedException(failure);
        }

        progress.Update(jobId, kind, album, p => Finish(p, "succeeded", "done", outcome.Value, failures));
        JobsLog.Finished(logger, jobId, kind, album, outcome.Value);
    }

    private JobProgress Finish(JobProgress p, string state, string phase, string message, IReadOnlyList<string>? failures) =>
        p with { State = state, Phase = phase, FinishedAt = time.GetUtcNow(), Message = message, Failures = failures ?? p.Failures };
}
