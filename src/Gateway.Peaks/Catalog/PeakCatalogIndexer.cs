using System.Text;
using System.Text.Json.Nodes;
using Gateway.Embeddings;
using Gateway.Embeddings.Service;
using Gateway.Upstream;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Peaks.Catalog;

/// <summary>
/// Writes the peak catalog into <c>peaks_catalog</c>: creates the index with the model's vector size, embeds a
/// prototype per peak from all its names, the anti-concept and its reference photos, and rewrites only peaks whose
/// content hash changed; peaks gone from the file are deleted. Also exports the index back to catalog YAML.
/// </summary>
public sealed class PeakCatalogIndexer
{
    private readonly UpstreamClient _upstream;
    private readonly IEmbeddingService _embeddings;
    private readonly PromptEmbedder _prompts;
    private readonly PeaksOptions _options;
    private readonly AlbumPhotoReader _albumPhotos;
    private readonly ILogger _logger;

    /// <summary>Creates an indexer writing through <paramref name="upstream"/>.</summary>
    public PeakCatalogIndexer(UpstreamClient upstream, IEmbeddingService embeddings, PromptEmbedder prompts, PeaksOptions options, ILogger<PeakCatalogIndexer>? logger = null)
    {
        _upstream = upstream;
        _embeddings = embeddings;
        _prompts = prompts;
        _options = options;
        _albumPhotos = new AlbumPhotoReader(upstream, options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The index name in use.</summary>
    public string IndexName => _options.IndexName;

    /// <summary>Imports <paramref name="peaks"/>; reference photo folders resolve against <paramref name="catalogDirectory"/>.
    /// With <paramref name="force"/> every peak is re-embedded even when unchanged. Answers what the rebuild did (per-peak
    /// problems included), or why it stopped: the model is not available, or the upstream refused or did not answer.</summary>
    public async Task<Outcome<CatalogRebuildResult>> RebuildAsync(IReadOnlyList<Peak> peaks, string catalogDirectory, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        // Loads the model (or waits for the start-up load under way), or answers what is missing.
        var status = await _embeddings.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (status.State != EmbeddingModelState.Ready || status.Dimensions <= 0)
        {
            return Outcome.Failed("the peak catalog needs a loaded embedding model: " + status.Detail);
        }

        if ((await EnsureIndexAsync(status.Dimensions, cancellationToken).ConfigureAwait(false)).Failure is { } indexFailure)
        {
            return Outcome.Failed(indexFailure);
        }

        var hashes = await ReadHashesAsync(cancellationToken).ConfigureAwait(false);
        if (hashes.Failure is { } hashFailure)
        {
            return Outcome.Failed(hashFailure);
        }

        var existing = hashes.Value;
        var found = await _albumPhotos.FindAsync([.. peaks.SelectMany(p => p.AlbumReferences)], cancellationToken).ConfigureAwait(false);
        if (found.Failure is { } albumFailure)
        {
            return Outcome.Failed(albumFailure);
        }

        var albumPhotos = found.Value;
        var bulk = new StringBuilder();
        var failures = new List<string>();
        int updated = 0, unchanged = 0;
        foreach (var peak in peaks)
        {
            var albumReferences = ReferenceSelection.AlbumReferences(peak.AlbumReferences, p => albumPhotos.GetValueOrDefault(p)?.Vector is not null, _options.MaxReferencePhotos);
            var photos = ReferencePhotos.Find(peak, catalogDirectory, ReferenceSelection.FolderSlots(albumReferences.Count, _options.MaxReferencePhotos));
            var hash = PeakContentHash.Compute(peak, photos, albumReferences, status.ModelId, status.Dimensions, _prompts.Options);
            if (!force && existing.TryGetValue(peak.Id, out var old) && old == hash)
            {
                unchanged++;
                continue;
            }

            try
            {
                // Album references reuse the vectors ingestion stored; folder photos are embedded here.
                var references = albumReferences.Select(p => albumPhotos[p].Vector!).ToList();
                EmbeddingFailure? failed = null;
                foreach (var photo in photos)
                {
                    var bytes = await File.ReadAllBytesAsync(photo.FullName, cancellationToken).ConfigureAwait(false);
                    var reference = await _embeddings.EmbedImageAsync(bytes, photo.Name, EmbeddingPriority.Indexing, cancellationToken).ConfigureAwait(false);
                    if (reference.Failure is { } f)
                    {
                        failed = f;
                        break;
                    }

                    references.Add(reference.Value);
                }

                EmbeddingResult<float[]> embedded = failed is null ? await _prompts.EmbedPeakAsync(peak.AllNames, references, cancellationToken).ConfigureAwait(false) : failed;
                if (embedded.Failure is { } failure)
                {
                    if (failure.Kind == EmbeddingFailureKind.Unavailable)
                    {
                        return Outcome.Failed(failure.Reason); // the model went away: the rebuild stops and says why
                    }

                    failures.Add($"{peak.Id}: {failure.Reason}");
                    CatalogLog.PeakFailed(_logger, peak.Id, failure.Reason);
                    continue;
                }

                var prototype = embedded.Value;
                var doc = PeakDocument.ToJson(peak, prototype, references.Count, hash, status.ModelId);
                bulk.Append(new JsonObject { ["index"] = new JsonObject { ["_index"] = _options.IndexName, ["_id"] = peak.Id } }.ToJsonString()).Append('\n');
                bulk.Append(doc.ToJsonString()).Append('\n');
                updated++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add($"{peak.Id}: {e.Message}");
                CatalogLog.PeakFailed(_logger, peak.Id, e.Message);
            }
        }

        var ids = peaks.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var gone = existing.Keys.Where(id => !ids.Contains(id)).ToList();
        foreach (var id in gone)
        {
            bulk.Append(new JsonObject { ["delete"] = new JsonObject { ["_index"] = _options.IndexName, ["_id"] = id } }.ToJsonString()).Append('\n');
        }

        if (bulk.Length > 0)
        {
            var response = await _upstream.SendAsync(HttpMethod.POST, "/_bulk?refresh=true", bulk.ToString(), ndjson: true, cancellationToken).ConfigureAwait(false);
            if (response.FailureOf(HttpMethod.POST, "/_bulk?refresh=true") is { } bulkFailure)
            {
                return Outcome.Failed(bulkFailure);
            }

            if (response.Body?["errors"]?.GetValue<bool>() == true)
            {
                failures.AddRange(BulkErrors(response.Body));
            }
        }

        CatalogLog.Rebuilt(_logger, updated, unchanged, gone.Count, failures.Count);
        return new CatalogRebuildResult(peaks.Count, updated, unchanged, gone.Count, failures);
    }

    /// <summary>Every peak stored in the index, ordered by elevation (highest first), as catalog YAML.</summary>
    public async Task<Outcome<string>> ExportYamlAsync(CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["size"] = 10000, ["_source"] = new JsonObject { ["excludes"] = new JsonArray(PeakCatalogMapping.VectorField) } };
        var path = $"/{_options.IndexName}/_search";
        var result = await _upstream.SendAsync(HttpMethod.POST, path, body.ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.FailureOf(HttpMethod.POST, path) is { } failure)
        {
            return Outcome.Failed(failure);
        }

        var peaks = (result.Body?["hits"]?["hits"] as JsonArray ?? [])
            .Select(h => PeakDocument.FromJson(h?["_source"]))
            .OfType<Peak>()
            .OrderByDescending(p => p.ElevationM)
            .ThenBy(p => p.Id, StringComparer.Ordinal);
        return Yaml.PeakCatalogYaml.Export(peaks);
    }

    /// <summary>Every stored peak with its prototype; empty when the catalog index does not exist yet.</summary>
    public async Task<Outcome<List<StoredPeak>>> ReadPrototypesAsync(CancellationToken cancellationToken = default)
    {
        var read = await new CatalogPrototypeReader(_upstream).ReadAsync(_options.IndexName, PeakCatalogMapping.VectorField, cancellationToken).ConfigureAwait(false);
        if (read.Failure is { } failure)
        {
            return Outcome.Failed($"reading {_options.IndexName} failed with status {failure.Status}: {failure.Error}");
        }

        return read.Prototypes.Where(p => p.Peak is not null).Select(p => new StoredPeak(p.Peak!, p.Vector)).ToList();
    }

    private async Task<Outcome> EnsureIndexAsync(int dimensions, CancellationToken cancellationToken)
    {
        var index = _options.IndexName;
        var mapping = await _upstream.SendAsync(HttpMethod.GET, $"/{index}/_mapping", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (mapping.IsSuccess)
        {
            var dims = mapping.Body?[index]?["mappings"]?["properties"]?[PeakCatalogMapping.VectorField]?["dims"]?.GetValue<int>();
            if (dims == dimensions)
            {
                return Outcome.Ok;
            }

            CatalogLog.RecreatingIndex(_logger, index, dims ?? 0, dimensions);
            var deleted = await _upstream.SendAsync(HttpMethod.DELETE, "/" + index, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (deleted.FailureOf(HttpMethod.DELETE, "/" + index) is { } deleteFailure)
            {
                return Outcome.Failed(deleteFailure);
            }
        }

        CatalogLog.CreatingIndex(_logger, index, dimensions);
        var created = await _upstream.SendAsync(HttpMethod.PUT, "/" + index, PeakCatalogMapping.Create(dimensions).ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return created.FailureOf(HttpMethod.PUT, "/" + index) is { } failure ? Outcome.Failed(failure) : Outcome.Ok;
    }

    private async Task<Outcome<Dictionary<string, string>>> ReadHashesAsync(CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["size"] = 10000, ["_source"] = new JsonArray("content_hash") };
        var path = $"/{_options.IndexName}/_search";
        var result = await _upstream.SendAsync(HttpMethod.POST, path, body.ToJsonString(), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (result.FailureOf(HttpMethod.POST, path) is { } failure)
        {
            return Outcome.Failed(failure);
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var hit in result.Body?["hits"]?["hits"] as JsonArray ?? [])
        {
            if (hit?["_id"]?.GetValue<string>() is { } id)
            {
                hashes[id] = hit["_source"]?["content_hash"]?.GetValue<string>() ?? "";
            }
        }

        return hashes;
    }

    private static IEnumerable<string> BulkErrors(JsonNode response) =>
        (response["items"] as JsonArray ?? [])
            .Select(item => item?.AsObject().FirstOrDefault().Value)
            .Where(op => op?["error"] is not null)
            .Select(op => $"{op!["_id"]}: {op["error"]?["type"]}: {op["error"]?["reason"]}");
}
