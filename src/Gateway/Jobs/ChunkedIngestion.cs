using Gateway.Photos.Ingestion;
using Gateway.Upstream;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace Gateway.Jobs;

/// <summary>
/// The coordinating side of an album scan or full reindex: plans the run, enqueues its files as chunk jobs of
/// <c>Jobs:ChunkSize</c> on the <see cref="ChunkQueue"/> queue (any gateway's workers take them), adds up their
/// progress, and when the last chunk is done deletes the documents of vanished files and, for a full reindex, swaps the
/// alias once. Cancelled or failed, it deletes its chunk jobs and a half-built new index. Interrupted by a shutdown it
/// leaves them be: Hangfire runs it again (here or on another gateway) and it resumes from its <see cref="StoredPlan"/>.
/// </summary>
internal sealed class ChunkedIngestion(
    PhotoIngestor ingestor,
    JobStorage storage,
    IBackgroundJobClient client,
    JobProgressStore progress,
    ChunkFinishedSignal chunkFinished,
    IOptions<JobsOptions> options,
    TimeProvider time)
{
    /// <summary>The Hangfire queue of chunk jobs (coordinators and catalog builds use <c>default</c>).</summary>
    public const string ChunkQueue = "chunks";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs (or resumes) the coordinating job <paramref name="jobId"/>.</summary>
    public async Task<Outcome<IngestResult>> RunAsync(string jobId, string kind, string? album, Func<IReadOnlyList<AlbumOptions>> albums, bool fullReindex, IProgress<IngestProgress> report, CancellationToken token)
    {
        var started = time.GetTimestamp();
        var stored = StoredPlan.Read(storage, jobId);
        if (stored is null)
        {
            var planned = await PlanAsync(jobId, albums(), fullReindex, report, token).ConfigureAwait(false);
            if (planned.Failure is { } planFailure)
            {
                return Outcome.Failed(planFailure);
            }

            stored = planned.Value;
        }

        string? failure;
        try
        {
            var waited = await WaitForChunksAsync(jobId, kind, album, stored, started, report, token).ConfigureAwait(false);
            if (waited.Failure is { } chunkFailure)
            {
                await AbandonAsync(stored).ConfigureAwait(false);
                return Outcome.Failed(chunkFailure);
            }

            var chunks = waited.Value;
            var plan = stored.Plan;
            var indexed = chunks.Sum(c => c.Indexed);
            var failures = chunks.SelectMany(c => c.Failures).ToList();
            report.Report(new IngestProgress(plan.Total, plan.Total, indexed, failures.Count, 0, plan.Deletions.Count > 0 ? "deleting" : "refreshing"));
            var finished = await ingestor.FinishAsync(plan, token).ConfigureAwait(false);
            if (finished.Succeeded && plan.FullReindex)
            {
                report.Report(new IngestProgress(plan.Total, plan.Total, indexed, failures.Count, 0, "swapping"));
                finished = await ingestor.SwapAliasAsync(plan, token).ConfigureAwait(false);
            }

            if (finished.Succeeded)
            {
                return ingestor.Result(plan, indexed, failures, time.GetElapsedTime(started));
            }

            failure = finished.Failure;
        }
        catch (Exception e) when (e is not OperationCanceledException || progress.IsDeleted(jobId))
        {
            // Cancelled (the job deleted), or a programmer error: nothing of the run may go on.
            await AbandonAsync(stored).ConfigureAwait(false);
            throw;
        }

        await AbandonAsync(stored).ConfigureAwait(false);
        return Outcome.Failed(failure!);
    }

    // Cancelled or failed: no chunk of it goes on, and a half-built new index goes too.
    private async Task AbandonAsync(StoredPlan stored)
    {
        foreach (var chunk in stored.ChunkIds)
        {
            client.Delete(chunk);
        }

        await ingestor.AbandonAsync(stored.Plan).ConfigureAwait(false);
    }

    private async Task<Outcome<StoredPlan>> PlanAsync(string jobId, IReadOnlyList<AlbumOptions> albums, bool fullReindex, IProgress<IngestProgress> report, CancellationToken token)
    {
        var planned = await ingestor.PlanAsync(albums, fullReindex, report, token).ConfigureAwait(false);
        if (planned.Failure is { } failure)
        {
            return Outcome.Failed(failure);
        }

        var plan = planned.Value;
        var ids = plan.Chunks(options.Value.ChunkSize)
            .Select((chunk, number) => client.Create<GatewayJobs>(j => j.IndexChunkAsync(jobId, number, chunk, JobCancellationToken.Null, null), new EnqueuedState(ChunkQueue)))
            .ToList();
        var stored = new StoredPlan(plan with { Files = [] }, plan.Files.Count, ids);
        stored.Write(storage, jobId);
        return stored;
    }

    /// <summary>Waits until every chunk succeeded (answers their progress), or answers why the run cannot finish: a chunk
    /// that failed (its own reason), or one that ended in Hangfire without a record (deleted in the dashboard, or it
    /// could not even start).</summary>
    private async Task<Outcome<IReadOnlyList<ChunkProgress>>> WaitForChunksAsync(string jobId, string kind, string? album, StoredPlan stored, long started, IProgress<IngestProgress> report, CancellationToken token)
    {
        var plan = stored.Plan;
        var ids = stored.ChunkIds.ToHashSet(StringComparer.Ordinal);
        for (var poll = 1; ; poll++)
        {
            token.ThrowIfCancellationRequested();
            var chunks = progress.Chunks(jobId).Where(c => ids.Contains(c.JobId)).ToList();
            var finished = chunks.Count(c => c.State == "succeeded");
            var indexed = chunks.Sum(c => c.Indexed);
            var failed = chunks.Sum(c => c.Failed);
            var seconds = time.GetElapsedTime(started).TotalSeconds;
            report.Report(new IngestProgress(plan.Total, plan.Unchanged + chunks.Sum(c => c.Done), indexed, failed, seconds > 0 ? indexed / seconds : 0,
                $"indexing: {finished} of {ids.Count} chunks done"));
            progress.Update(jobId, kind, album, p => p with
            {
                Chunks = ids.Count,
                ChunksDone = finished,
                Workers = chunks.Select(c => c.Worker).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            });

            if (chunks.FirstOrDefault(c => c.State == "failed") is { } broken)
            {
                return Outcome.Failed($"chunk {broken.Chunk} (job {broken.JobId}) failed on {broken.Worker}: {broken.Error}");
            }

            if (finished == ids.Count)
            {
                return chunks;
            }

            // A chunk that ended in Hangfire without a record of its own would be waited for for ever: look now and then.
            if (poll % 20 == 0 && Ended(ids.Except(chunks.Where(c => c.State == "succeeded").Select(c => c.JobId))) is { } ended)
            {
                return Outcome.Failed($"chunk job {ended.Id} is {ended.State.ToLowerInvariant()} in Hangfire");
            }

            await chunkFinished.WaitAsync(Poll, time, token).ConfigureAwait(false);
        }
    }

    private (string Id, string State)? Ended(IEnumerable<string> unfinished)
    {
        using var connection = storage.GetConnection();
        foreach (var id in unfinished)
        {
            if (connection.GetStateData(id)?.Name is { } state && state is "Deleted" or "Failed")
            {
                return (id, state);
            }
        }

        return null;
    }
}
