using System.Globalization;
using Gateway.Albums;
using Gateway.Embeddings;
using Gateway.Photos.Ingestion;
using Gateway.Upstream;
using Hangfire;
using Hangfire.Server;

namespace Gateway.Jobs;

/// <summary>
/// The background jobs, resolved from DI by Hangfire. Each records its progress in <see cref="JobProgressStore"/>,
/// holds the album locks it needs (one writer per album), and stops when Hangfire cancels it (job deleted or server
/// shutting down). An album scan or full reindex coordinates chunk jobs (<see cref="IndexChunkAsync"/>, see
/// <see cref="ChunkedIngestion"/>) that any gateway sharing the storage runs. Failures are not retried automatically:
/// a broken model or catalog needs a person; a job whose gateway died is run again by Hangfire (see
/// <see cref="JobsOptions.InvisibilityTimeout"/>).
/// </summary>
[AutomaticRetry(Attempts = 0)]
internal sealed class GatewayJobs(
    PhotoIngestor ingestor,
    AlbumRegistry registry,
    IEmbeddingService embeddings,
    ChunkedIngestion chunked,
    CatalogBuilder catalogBuilder,
    JobProgressStore progress,
    AlbumLocks locks,
    ChunkFinishedSignal chunkFinished,
    TimeProvider time,
    ILogger<GatewayJobs> logger)
{
    // The failures of the job running on this async flow (a job's work reports them through Summary).
    private readonly AsyncLocal<List<string>?> _failures = new();
    private readonly JobRun _run = new(progress, time, logger);

    /// <summary>Re-embeds the peaks of the catalog file whose content changed (all with <paramref name="force"/>).</summary>
    public Task RebuildCatalogAsync(bool force, IJobCancellationToken? cancellation, PerformContext? context) =>
        RunAsync(JobId(context), context, JobKinds.CatalogRebuild, null, [], cancellation, (_, token) => RebuildAsync(force, token));

    /// <summary>Incrementally indexes one album.</summary>
    public Task ScanAlbumAsync(string album, IJobCancellationToken? cancellation, PerformContext? context)
    {
        var jobId = JobId(context);
        return RunAsync(jobId, context, JobKinds.IncrementalScan, album, [album], cancellation, async (report, token) =>
            Summary(await chunked.RunAsync(jobId, JobKinds.IncrementalScan, album, () => [Find(album)], fullReindex: false, report, token).ConfigureAwait(false)));
    }

    /// <summary>Indexes every album into a new versioned index and swaps the alias.</summary>
    public Task FullReindexAsync(IJobCancellationToken? cancellation, PerformContext? context)
    {
        var jobId = JobId(context);
        return RunAsync(jobId, context, JobKinds.FullReindex, null, AllAlbums(), cancellation, async (report, token) =>
            Summary(await chunked.RunAsync(jobId, JobKinds.FullReindex, null, AllAlbumOptions, fullReindex: true, report, token).ConfigureAwait(false)));
    }

    /// <summary>After a model change: every peak re-embedded, then a full reindex behind the alias.</summary>
    public Task ReindexAfterModelChangeAsync(IJobCancellationToken? cancellation, PerformContext? context)
    {
        var jobId = JobId(context);
        return RunAsync(jobId, context, JobKinds.ReindexAfterModelChange, null, AllAlbums(), cancellation, async (report, token) =>
        {
            var peaks = await RebuildAsync(force: true, token).ConfigureAwait(false);
            if (peaks.Failure is { } failure)
            {
                return Outcome.Failed(failure);
            }

            var photos = Summary(await chunked.RunAsync(jobId, JobKinds.ReindexAfterModelChange, null, AllAlbumOptions, fullReindex: true, report, token).ConfigureAwait(false));
            return photos.Failure is { } photosFailure ? Outcome.Failed(photosFailure) : peaks.Value + "; " + photos.Value;
        });
    }

    /// <summary>One chunk of an album scan or full reindex (enqueued by <see cref="ChunkedIngestion"/> on its queue):
    /// embeds and writes its files, recording its progress under <paramref name="parentJobId"/>.</summary>
    public async Task IndexChunkAsync(string parentJobId, int chunk, IngestChunk work, IJobCancellationToken? cancellation, PerformContext? context)
    {
        ArgumentNullException.ThrowIfNull(work);
        var token = cancellation?.ShutdownToken ?? CancellationToken.None;
        var record = new ChunkProgress(chunk, JobId(context), "running", work.Files.Count, 0, 0, 0, WorkerIdentity.Current, null, []);
        progress.UpdateChunk(parentJobId, record);
        try
        {
            var reporter = new Reporter(p => progress.UpdateChunk(parentJobId, record with { Done = p.Done, Indexed = p.Indexed, Failed = p.Failed }));
            var indexed = await ingestor.IndexChunkAsync(work, reporter, token).ConfigureAwait(false);
            if (indexed.Failure is { } failure)
            {
                progress.UpdateChunk(parentJobId, record with { State = "failed", Error = failure });
                JobsLog.FailedWith(logger, record.JobId, "chunk", parentJobId, failure);
                throw new JobFailedException(failure);
            }

            var result = indexed.Value;
            progress.UpdateChunk(parentJobId, record with { State = "succeeded", Done = result.Done + result.Failures.Count, Indexed = result.Indexed, Failed = result.Failures.Count, Failures = result.Failures });
            chunkFinished.Finished();
        }
        catch (Exception e) when (e is not (OperationCanceledException or JobFailedException))
        {
            progress.UpdateChunk(parentJobId, record with { State = "failed", Error = e.Message });
            chunkFinished.Finished();
            JobsLog.Failed(logger, e, record.JobId, "chunk", parentJobId);
            throw;
        }
    }

    private async Task<Outcome<string>> RebuildAsync(bool force, CancellationToken token)
    {
        var rebuilt = await catalogBuilder.RebuildAsync(force, token).ConfigureAwait(false);
        if (rebuilt.Failure is { } failure)
        {
            return Outcome.Failed(failure);
        }

        var result = rebuilt.Value;
        return string.Create(CultureInfo.InvariantCulture, $"catalog: {result.Updated} updated, {result.Unchanged} unchanged, {result.Deleted} deleted, {result.Failures.Count} failed");
    }

    private List<string> AllAlbums() => registry.All().Select(a => a.Name).ToList();

    private List<AlbumOptions> AllAlbumOptions() => registry.All().Select(AlbumRegistry.ToOptions).ToList();

    private AlbumOptions Find(string album) => registry.Find(album) is { } found
        ? AlbumRegistry.ToOptions(found)
        : throw new ArgumentException($"album [{album}] does not exist (any more)", nameof(album));

    private static string JobId(PerformContext? context) => context?.BackgroundJob?.Id ?? "local-" + Guid.NewGuid().ToString("N")[..12];

    private Outcome<string> Summary(Outcome<IngestResult> outcome)
    {
        if (outcome.Failure is { } failure)
        {
            return Outcome.Failed(failure);
        }

        var r = outcome.Value;
        _failures.Value?.AddRange(r.Failures.Take(100).Select(f => $"{f.Album}/{f.Path}: {f.Reason}"));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{r.Index}: {r.Indexed} indexed, {r.Unchanged} unchanged, {r.Deleted} deleted, {r.Failures.Count} failed of {r.Total} in {r.Elapsed.TotalSeconds:F1} s ({r.PhotosPerSecond:F2} photos/s)");
        return r.Warnings.Count > 0 ? text + "; " + string.Join("; ", r.Warnings) : text;
    }

    private async Task RunAsync(string jobId, PerformContext? context, string kind, string? album, IReadOnlyList<string> albums, IJobCancellationToken? cancellation, Func<IProgress<IngestProgress>, CancellationToken, Task<Outcome<string>>> work)
    {
        // Set in this async method, the failures list belongs to this job's flow only.
        var failures = new List<string>();
        _failures.Value = failures;
        var waitingFor = albums.Count == 0 ? "starting" : $"waiting for album lock ({string.Join(", ", albums)})";
        var schedule = context?.GetJobParameter<string>("RecurringJobId");
        await _run.RunAsync(jobId, kind, album, p => p with { Phase = waitingFor, Worker = WorkerIdentity.Current, Schedule = schedule }, failures, async token =>
        {
            using var held = await locks.AcquireAsync(context is null ? null : jobId, albums, token).ConfigureAwait(false);
            if (embeddings.Status is { State: not EmbeddingModelState.Ready } model)
            {
                // The work's first step waits for the model (loading, or downloading in the background): say so.
                progress.Update(jobId, kind, album, p => p with { Phase = $"waiting for the embedding model ({model.State.ToString().ToLowerInvariant()}: {model.Detail})" });
            }

            var reporter = new Reporter(p => progress.Update(jobId, kind, album, j => j with
            {
                Phase = p.Phase,
                Total = p.Total,
                Done = p.Done,
                Failed = p.Failed,
                Rate = Math.Round(p.PhotosPerSecond, 2),
            }));
            return await work(reporter, token).ConfigureAwait(false);
        }, cancellation?.ShutdownToken ?? CancellationToken.None).ConfigureAwait(false);
    }

    private sealed class Reporter(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
