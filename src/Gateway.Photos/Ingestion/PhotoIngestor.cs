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

    /// <summary>Incrementally indexes the album named <paramref name="albumName"/> into the index behind the alias.</summary>
    /// <exception cref="ArgumentException">No album has that name.</exception>
    public Task<IngestResult> IndexAlbumAsync(string albumName, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        IndexAlbumAsync(FindAlbum(albumName), progress, cancellationToken);

    /// <summary>Incrementally indexes <paramref name="album"/> (configured or not) into the index behind the alias.</summary>
    public async Task<IngestResult> IndexAlbumAsync(AlbumOptions album, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(album);
        var (dimensions, _) = await ModelAsync(cancellationToken).ConfigureAwait(false);
        var index = await _store.EnsureCurrentIndexAsync(dimensions, cancellationToken).ConfigureAwait(false);
        return await RunAsync(index, [album], incremental: true, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Indexes every album into a new versioned index, then points the alias at it and drops the old one.
    /// When the run fails or is cancelled the new index is deleted and the alias is left as it was.</summary>
    public Task<IngestResult> FullReindexAsync(IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        FullReindexAsync(_options.Albums, progress, cancellationToken);

    /// <summary>Indexes <paramref name="albums"/> into a new versioned index, then points the alias at it (see the overload).</summary>
    public async Task<IngestResult> FullReindexAsync(IReadOnlyList<AlbumOptions> albums, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(albums);
        var (dimensions, _) = await ModelAsync(cancellationToken).ConfigureAwait(false);
        var index = await _store.CreateVersionedIndexAsync(dimensions, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await RunAsync(index, albums, incremental: false, progress, cancellationToken).ConfigureAwait(false);
            progress?.Report(new IngestProgress(result.Total, result.Total, result.Indexed, result.Failures.Count, result.PhotosPerSecond, "swapping"));
            var old = await _store.SwapAliasAsync(index, cancellationToken).ConfigureAwait(false);
            IngestLog.AliasSwapped(_logger, _store.Alias, index, old.Count == 0 ? "none" : string.Join(", ", old));
            return result;
        }
        catch (Exception)
        {
            IngestLog.ReindexAbandoned(_logger, index);
            await _store.DeleteIndexQuietlyAsync(index).ConfigureAwait(false);
            throw;
        }
    }

    private AlbumOptions FindAlbum(string name) =>
        _options.Albums.FirstOrDefault(a => a.Name == name)
        ?? throw new ArgumentException($"no album named '{name}' is configured (known: {string.Join(", ", _options.Albums.Select(a => a.Name))})", nameof(name));

    private async Task<(int Dimensions, string ModelId)> ModelAsync(CancellationToken cancellationToken)
    {
        var status = _embeddings.Status;
        if (status.State != EmbeddingModelState.Ready || status.Dimensions <= 0)
        {
            // The first request loads the model, or answers what is missing.
            (await _embeddings.EmbedTextAsync("photo", cancellationToken).ConfigureAwait(false)).ValueOrThrow();
            status = _embeddings.Status;
        }

        return status.Dimensions > 0 ? (status.Dimensions, status.ModelId) : throw new EmbeddingFailureException(EmbeddingFailure.Unavailable(status.Detail));
    }

    private async Task<IngestResult> RunAsync(string index, IReadOnlyList<AlbumOptions> albums, bool incremental, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var (_, modelId) = await ModelAsync(cancellationToken).ConfigureAwait(false);
        var warnings = new List<string>();
        var prototypes = await _catalog.ReadPrototypesAsync(cancellationToken).ConfigureAwait(false);
        if (prototypes.Count == 0)
        {
            warnings.Add($"the peak catalog index '{_catalog.IndexName}' is empty or missing: no peaks are predicted (run the catalog rebuild first)");
        }

        var work = new List<WorkItem>();
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

            var stored = incremental ? await _store.ReadAlbumAsync(index, album.Name, cancellationToken).ConfigureAwait(false) : [];
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
                    work.Add(new WorkItem(file, existing is not null && existing.Size == file.Size ? existing : null));
                }
            }

            deletions.AddRange(stored.Keys.Select(id => PhotoIndexStore.Action("delete", index, id)));
        }

        var predictor = new PeakPredictor(prototypes, _options);
        var pipeline = new IngestPipeline(_store, _embeddings, predictor, _options, index, modelId, _time);
        var failures = await pipeline.RunAsync(work, total, unchanged, progress, cancellationToken).ConfigureAwait(false);
        foreach (var failure in failures)
        {
            IngestLog.FileFailed(_logger, failure.Album, failure.Path, failure.Reason);
        }

        if (deletions.Count > 0)
        {
            progress?.Report(new IngestProgress(total, total, pipeline.Indexed, failures.Count, 0, "deleting"));
            await _store.BulkAsync(PhotoIndexStore.NdJson(deletions), cancellationToken).ConfigureAwait(false);
        }

        await _store.RefreshAsync(index, cancellationToken).ConfigureAwait(false);
        var result = new IngestResult(index, albums.Select(a => a.Name).ToList(), total, pipeline.Indexed, unchanged, deletions.Count, failures, warnings, _time.GetElapsedTime(started));
        IngestLog.RunDone(_logger, string.Join(",", result.Albums), index, result.Indexed, unchanged, deletions.Count, failures.Count, result.Elapsed.TotalSeconds, result.PhotosPerSecond);
        progress?.Report(new IngestProgress(total, total, result.Indexed, failures.Count, result.PhotosPerSecond, "done"));
        return result;
    }
}
