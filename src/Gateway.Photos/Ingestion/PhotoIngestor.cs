using Gateway.Embeddings;
using Gateway.Peaks.Catalog;
using Gateway.Upstream;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gateway.Photos.Ingestion;

/// <summary>
/// Indexes albums into the <c>photos</c> alias. <c>IndexAlbumAsync</c> is incremental: unchanged files are
/// skipped, changed and new files (re)indexed, documents of deleted files removed. <c>FullReindexAsync</c>
/// writes every album into a new versioned index and swaps the alias to it atomically at the end, so searches never
/// see a half-built index (needed after a model change).
/// </summary>
public sealed class PhotoIngestor
{
    private readonly IEmbeddingService _embeddings;
    private readonly PeakCatalogIndexer _catalog;
    private readonly PhotosOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PhotoIndexStore _store;

    /// <summary>Creates an ingestor writing through <paramref name="upstream"/>.</summary>
    public PhotoIngestor(UpstreamClient upstream, IEmbeddingService embeddings, PeakCatalogIndexer catalog, IOptions<PhotosOptions> options, TimeProvider? time = null, ILogger<PhotoIngestor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _embeddings = embeddings;
        _catalog = catalog;
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _store = new PhotoIndexStore(upstream, _options.Alias, _time);
    }

    /// <summary>The configured albums.</summary>
    public IReadOnlyList<AlbumOptions> Albums => _options.Albums;

    /// <summary>The index store (alias, versioned indices).</summary>
    public PhotoIndexStore Store => _store;

    /// <summary>Incrementally indexes the album named <paramref name="albumName"/> into the index behind the alias;
    /// answers what the run did, or why it stopped (the upstream or the model failed).</summary>
    /// <exception cref="ArgumentException">No album has that name.</exception>
    public Task<Outcome<IngestResult>> IndexAlbumAsync(string albumName, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        IndexAlbumAsync(FindAlbum(albumName), progress, cancellationToken);

    /// <summary>Incrementally indexes <paramref name="album"/> (configured or not) into the index behind the alias.</summary>
    public async Task<Outcome<IngestResult>> IndexAlbumAsync(AlbumOptions album, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(album);
        var started = _time.GetTimestamp();
        var plan = await PlanAsync([album], fullReindex: false, progress, cancellationToken).ConfigureAwait(false);
        return plan.Failure is { } failure ? Outcome.Failed(failure) : await RunAsync(plan.Value, started, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Indexes every album into a new versioned index, then points the alias at it and drops the old one.
    /// When the run fails or is cancelled the new index is deleted and the alias is left as it was.</summary>
    public Task<Outcome<IngestResult>> FullReindexAsync(IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        FullReindexAsync(_options.Albums, progress, cancellationToken);

    /// <summary>Indexes <paramref name="albums"/> into a new versioned index, then points the alias at it (see the overload).</summary>
    public async Task<Outcome<IngestResult>> FullReindexAsync(IReadOnlyList<AlbumOptions> albums, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(albums);
        var started = _time.GetTimestamp();
        var planned = await PlanAsync(albums, fullReindex: true, progress, cancellationToken).ConfigureAwait(false);
        if (planned.Failure is { } planFailure)
        {
            return Outcome.Failed(planFailure);
        }

        var plan = planned.Value;
        Outcome<IngestResult> outcome;
        try
        {
            outcome = await RunAsync(plan, started, progress, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                var result = outcome.Value;
                progress?.Report(new IngestProgress(result.Total, result.Total, result.Indexed, result.Failures.Count, result.PhotosPerSecond, "swapping"));
                var swapped = await SwapAliasAsync(plan, cancellationToken).ConfigureAwait(false);
                outcome = swapped.Failure is { } swapFailure ? Outcome.Failed(swapFailure) : result;
            }
        }
        catch (Exception)
        {
            // Cancelled (or a bug): the half-built index goes, as for a failed run below.
            await AbandonAsync(plan).ConfigureAwait(false);
            throw;
        }

        if (!outcome.Succeeded)
        {
            await AbandonAsync(plan).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>
    /// The first step of a run, shared by the one-process run above and the chunked jobs: makes sure the target index
    /// exists (the alias's, or a new versioned one with <paramref name="fullReindex"/>), scans the albums and compares
    /// them with the stored documents. Nothing is embedded yet.
    /// </summary>
    public async Task<Outcome<IngestPlan>> PlanAsync(IReadOnlyList<AlbumOptions> albums, bool fullReindex, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(albums);
        var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
        if (model.Failure is { } modelFailure)
        {
            return Outcome.Failed(modelFailure);
        }

        var target = fullReindex
            ? await _store.CreateVersionedIndexAsync(model.Value.Dimensions, cancellationToken).ConfigureAwait(false)
            : await _store.EnsureCurrentIndexAsync(model.Value.Dimensions, cancellationToken).ConfigureAwait(false);
        if (target.Failure is { } targetFailure)
        {
            return Outcome.Failed(targetFailure);
        }

        var index = target.Value;
        var warnings = new List<string>();
        var prototypes = await _catalog.ReadPrototypesAsync(cancellationToken).ConfigureAwait(false);
        if (prototypes.Failure is { } catalogFailure)
        {
            return Outcome.Failed(catalogFailure);
        }

        if (prototypes.Value.Count == 0)
        {
            warnings.Add($"the peak catalog index '{_catalog.IndexName}' is empty or missing: no peaks are predicted (rebuild the catalog: the admin's Peaks page, POST /_gateway/jobs {{\"type\":\"catalog-rebuild\"}} or `gateway index <album> --rebuild-catalog`, then index again)");
        }

        var work = new List<PlannedFile>();
        var deletions = new List<string>();
        int total = 0, unchanged = 0;
        foreach (var album in albums)
        {
            progress?.Report(new IngestProgress(total, 0, 0, 0, 0, "scanning"));
            IReadOnlyList<PhotoFile> files;
            try
            {
                files = AlbumScanner.Scan(album);
            }
            catch (DirectoryNotFoundException e)
            {
                // A missing root (an unmounted disk) must not delete the album's documents.
                warnings.Add(e.Message);
                IngestLog.AlbumSkipped(_logger, album.Name, e.Message);
                continue;
            }

            var root = Path.GetFullPath(album.Root);
            var read = fullReindex ? new Dictionary<string, StoredPhoto>() : await _store.ReadAlbumAsync(index, album.Name, cancellationToken).ConfigureAwait(false);
            if (read.Failure is { } readFailure)
            {
                return Outcome.Failed(readFailure);
            }

            var stored = read.Value;
            total += files.Count;
            foreach (var file in files)
            {
                stored.Remove(file.Id, out var existing);
                if (existing is not null && existing.Size == file.Size && existing.ModifiedMs == file.ModifiedMs)
                {
                    unchanged++;
                }
                else
                {
                    work.Add(new PlannedFile(album.Name, root, file.RelativePath, existing is not null && existing.Size == file.Size ? existing.ContentHash : null));
                }
            }

            deletions.AddRange(stored.Keys);
        }

        return new IngestPlan(index, fullReindex, albums.Select(a => a.Name).ToList(), total, unchanged, work, deletions, warnings);
    }

    /// <summary>Embeds and writes one slice of a plan (on whichever gateway took it). Writing a file twice (a slice run
    /// again after its gateway died) leaves one document: ids are stable (<see cref="PhotoId"/>).</summary>
    public Task<Outcome<ChunkResult>> IndexChunkAsync(IngestChunk chunk, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return IndexFilesAsync(chunk.Index, chunk.Files, chunk.Files.Count, 0, progress, cancellationToken);
    }

    /// <summary>The last step of a run once every file is written: deletes the documents of vanished files and refreshes the index.</summary>
    public async Task<Outcome> FinishAsync(IngestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Deletions.Count > 0)
        {
            var deleted = await _store.BulkAsync(PhotoIndexStore.NdJson(plan.Deletions.Select(id => PhotoIndexStore.Action("delete", plan.Index, id))), cancellationToken).ConfigureAwait(false);
            if (deleted.Failure is { } failure)
            {
                return Outcome.Failed(failure);
            }
        }

        return await _store.RefreshAsync(plan.Index, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>For a full reindex: points the alias at the plan's new index and drops the old ones.</summary>
    public async Task<Outcome> SwapAliasAsync(IngestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var swapped = await _store.SwapAliasAsync(plan.Index, cancellationToken).ConfigureAwait(false);
        if (swapped.Failure is { } failure)
        {
            return Outcome.Failed(failure);
        }

        var old = swapped.Value;
        IngestLog.AliasSwapped(_logger, _store.Alias, plan.Index, old.Count == 0 ? "none" : string.Join(", ", old));
        return Outcome.Ok;
    }

    /// <summary>For a full reindex that failed or was cancelled: deletes the new index, leaving the alias as it was.</summary>
    public async Task AbandonAsync(IngestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.FullReindex)
        {
            IngestLog.ReindexAbandoned(_logger, plan.Index);
            await _store.DeleteIndexQuietlyAsync(plan.Index).ConfigureAwait(false);
        }
    }

    /// <summary>Logs and sums up a finished run.</summary>
    public IngestResult Result(IngestPlan plan, int indexed, IReadOnlyList<IngestFailure> failures, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(failures);
        var result = new IngestResult(plan.Index, plan.Albums, plan.Total, indexed, plan.Unchanged, plan.Deletions.Count, failures, plan.Warnings, elapsed);
        IngestLog.RunDone(_logger, string.Join(",", result.Albums), plan.Index, result.Indexed, plan.Unchanged, plan.Deletions.Count, failures.Count, elapsed.TotalSeconds, result.PhotosPerSecond);
        return result;
    }

    private AlbumOptions FindAlbum(string name) =>
        _options.Albums.FirstOrDefault(a => a.Name == name)
        ?? throw new ArgumentException($"no album named '{name}' is configured (known: {string.Join(", ", _options.Albums.Select(a => a.Name))})", nameof(name));

    private async Task<Outcome<(int Dimensions, string ModelId)>> ModelAsync(CancellationToken cancellationToken)
    {
        // Loads the model (or waits for the start-up load under way), or answers what is missing.
        var status = await _embeddings.LoadAsync(cancellationToken).ConfigureAwait(false);
        return status.State == EmbeddingModelState.Ready && status.Dimensions > 0 ? (status.Dimensions, status.ModelId) : Outcome.Failed(status.Detail);
    }

    private async Task<Outcome<IngestResult>> RunAsync(IngestPlan plan, long started, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var indexed = await IndexFilesAsync(plan.Index, plan.Files, plan.Total, plan.Unchanged, progress, cancellationToken).ConfigureAwait(false);
        if (indexed.Failure is { } failure)
        {
            return Outcome.Failed(failure);
        }

        var chunk = indexed.Value;
        if (plan.Deletions.Count > 0)
        {
            progress?.Report(new IngestProgress(plan.Total, plan.Total, chunk.Indexed, chunk.Failures.Count, 0, "deleting"));
        }

        if ((await FinishAsync(plan, cancellationToken).ConfigureAwait(false)).Failure is { } finishFailure)
        {
            return Outcome.Failed(finishFailure);
        }

        var result = Result(plan, chunk.Indexed, chunk.Failures, _time.GetElapsedTime(started));
        progress?.Report(new IngestProgress(plan.Total, plan.Total, result.Indexed, chunk.Failures.Count, result.PhotosPerSecond, "done"));
        return result;
    }

    private async Task<Outcome<ChunkResult>> IndexFilesAsync(string index, IReadOnlyList<PlannedFile> files, int total, int alreadyDone, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(cancellationToken).ConfigureAwait(false);
        if (model.Failure is { } modelFailure)
        {
            return Outcome.Failed(modelFailure);
        }

        var prototypes = await _catalog.ReadPrototypesAsync(cancellationToken).ConfigureAwait(false);
        if (prototypes.Failure is { } catalogFailure)
        {
            return Outcome.Failed(catalogFailure);
        }

        var work = files.Select(ToWorkItem).ToList();
        var predictor = new PeakPredictor(prototypes.Value, _options);
        var pipeline = new IngestPipeline(_store, _embeddings, predictor, _options, index, model.Value.ModelId, _time);
        var run = await pipeline.RunAsync(work, total, alreadyDone, progress, cancellationToken).ConfigureAwait(false);
        if (run.Failure is { } runFailure)
        {
            return Outcome.Failed(runFailure);
        }

        var failures = run.Value;
        foreach (var failure in failures)
        {
            IngestLog.FileFailed(_logger, failure.Album, failure.Path, failure.Reason);
        }

        return new ChunkResult(pipeline.Indexed, pipeline.Done - alreadyDone, failures);
    }

    // The file is looked at again where the work runs (another gateway, minutes later): a file gone by then fails to
    // read and is reported, like any unreadable file.
    private static WorkItem ToWorkItem(PlannedFile planned)
    {
        var info = new FileInfo(Path.Combine(planned.Root, planned.RelativePath));
        var modified = info.Exists ? new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero) : DateTimeOffset.UnixEpoch;
        var file = new PhotoFile(planned.Album, info.FullName, planned.RelativePath, info.Exists ? info.Length : 0, modified);
        return new WorkItem(file, planned.StoredHash is null ? null : new StoredPhoto(file.Id, file.Size, file.ModifiedMs, planned.StoredHash));
    }
}
