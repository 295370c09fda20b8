using System.Globalization;
using Gateway.Peaks;
using Gateway.Peaks.Catalog;
using Gateway.Photos.Ingestion;
using Hangfire;
using Hangfire.Server;

namespace Gateway.Jobs;

/// <summary>
/// The background jobs, resolved from DI by Hangfire. Each records its progress in <see cref="JobProgressStore"/>,
/// holds the album locks it needs (one writer per album), and stops when Hangfire cancels it (job deleted or server
/// shutting down). Failures are not retried automatically: a broken model or catalog needs a person.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class GatewayJobs(
    PhotoIngestor ingestor,
    PeakCatalogIndexer catalogIndexer,
    PeakCatalog catalog,
    JobProgressStore progress,
    AlbumLocks locks,
    TimeProvider time,
    ILogger<GatewayJobs> logger)
{
    // The failures of the job running on this async flow (a job's work reports them through Summary).
    private readonly AsyncLocal<List<string>?> _failures = new();

    /// <summary>Re-embeds the peaks of the catalog file whose content changed (all with <paramref name="force"/>).</summary>
    public Task RebuildCatalogAsync(bool force, IJobCancellationToken? cancellation, PerformContext? context) =>
        RunAsync(JobId(context), JobKinds.CatalogRebuild, null, [], cancellation, (_, token) => RebuildAsync(force, token));

    /// <summary>Incrementally indexes one album.</summary>
    public Task ScanAlbumAsync(string album, IJobCancellationToken? cancellation, PerformContext? context) =>
        RunAsync(JobId(context), JobKinds.IncrementalScan, album, [album], cancellation, async (report, token) =>
            Summary(await ingestor.IndexAlbumAsync(album, report, token).ConfigureAwait(false)));

    /// <summary>Indexes every album into a new versioned index and swaps the alias.</summary>
    public Task FullReindexAsync(IJobCancellationToken? cancellation, PerformContext? context) =>
        RunAsync(JobId(context), JobKinds.FullReindex, null, AllAlbums(), cancellation, async (report, token) =>
            Summary(await ingestor.FullReindexAsync(report, token).ConfigureAwait(false)));

    /// <summary>After a model change: every peak re-embedded, then a full reindex behind the alias.</summary>
    public Task ReindexAfterModelChangeAsync(IJobCancellationToken? cancellation, PerformContext? context) =>
        RunAsync(JobId(context), JobKinds.ReindexAfterModelChange, null, AllAlbums(), cancellation, async (report, token) =>
        {
            var peaks = await RebuildAsync(force: true, token).ConfigureAwait(false);
            var photos = Summary(await ingestor.FullReindexAsync(report, token).ConfigureAwait(false));
            return peaks + "; " + photos;
        });

    private async Task<string> RebuildAsync(bool force, CancellationToken token)
    {
        var peaks = catalog.Reload();
        var result = await catalogIndexer.RebuildAsync(peaks, catalog.Directory, force, token).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"catalog: {result.Updated} updated, {result.Unchanged} unchanged, {result.Deleted} deleted, {result.Failures.Count} failed");
    }

    private IReadOnlyList<string> AllAlbums() => ingestor.Albums.Select(a => a.Name).ToList();

    private static string JobId(PerformContext? context) => context?.BackgroundJob?.Id ?? "local-" + Guid.NewGuid().ToString("N")[..12];

    private string Summary(IngestResult r)
    {
        _failures.Value?.AddRange(r.Failures.Take(100).Select(f => $"{f.Album}/{f.Path}: {f.Reason}"));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{r.Index}: {r.Indexed} indexed, {r.Unchanged} unchanged, {r.Deleted} deleted, {r.Failures.Count} failed of {r.Total} in {r.Elapsed.TotalSeconds:F1} s ({r.PhotosPerSecond:F2} photos/s)");
        return r.Warnings.Count > 0 ? text + "; " + string.Join("; ", r.Warnings) : text;
    }

    private async Task RunAsync(string jobId, string kind, string? album, IReadOnlyList<string> albums, IJobCancellationToken? cancellation, Func<IProgress<IngestProgress>, CancellationToken, Task<string>> work)
    {
        var token = cancellation?.ShutdownToken ?? CancellationToken.None;
        var failures = new List<string>();
        _failures.Value = failures;
        progress.Update(jobId, kind, album, p => p with { State = "running", StartedAt = time.GetUtcNow(), Phase = "waiting for album lock" });
        try
        {
            using var held = await locks.AcquireAsync(albums, token).ConfigureAwait(false);
            var reporter = new Reporter(p => progress.Update(jobId, kind, album, j => j with
            {
                Phase = p.Phase,
                Total = p.Total,
                Done = p.Done,
                Failed = p.Failed,
                Rate = Math.Round(p.PhotosPerSecond, 2),
            }));
            var message = await work(reporter, token).ConfigureAwait(false);
            progress.Update(jobId, kind, album, p => p with { State = "succeeded", Phase = "done", FinishedAt = time.GetUtcNow(), Message = message, Failures = failures });
            JobsLog.Finished(logger, jobId, kind, album, message);
        }
        catch (OperationCanceledException)
        {
            progress.Update(jobId, kind, album, p => p with { State = "cancelled", Phase = "cancelled", FinishedAt = time.GetUtcNow(), Message = "cancelled" });
            JobsLog.Cancelled(logger, jobId, kind, album);
            throw;
        }
        catch (Exception e)
        {
            progress.Update(jobId, kind, album, p => p with { State = "failed", Phase = "failed", FinishedAt = time.GetUtcNow(), Message = e.Message, Failures = failures });
            JobsLog.Failed(logger, e, jobId, kind, album);
            throw;
        }
    }

    private sealed class Reporter(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
