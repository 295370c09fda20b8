using Gateway.Embeddings;
using Gateway.Embeddings.Service;
using Gateway.Hosting;
using Gateway.Peaks;
using Gateway.Peaks.Catalog;
using Gateway.Upstream;
using Microsoft.Extensions.Options;

namespace Gateway.Jobs;

/// <summary>
/// Builds the peak catalog index from the catalog file and stamps each complete build (<see cref="CatalogBuildStamp"/>),
/// and says when the index needs one: it is missing, or the catalog file or the model is newer than it. The catalog
/// rebuild job, the start-up build (<see cref="CatalogAutoBuild"/>) and <c>gateway index</c> share it, so the first
/// album indexed from the command line identifies peaks just as one indexed by the running gateway.
/// </summary>
internal sealed class CatalogBuilder(
    IEmbeddingService embeddings,
    IOptions<EmbeddingOptions> embeddingOptions,
    PeakCatalog catalog,
    PeakCatalogIndexer indexer,
    UpstreamClient upstream,
    GatewayFolders folders)
{
    /// <summary>The stamp file in the data folder.</summary>
    public string StampPath => folders.Data("catalog-build.json");

    /// <summary>Why the catalog index needs a build, or null when it is up to date (or there is no catalog file).</summary>
    public async Task<string?> WhyRebuildAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(catalog.FilePath))
        {
            return null;
        }

        if (!await upstream.ExistsAsync(indexer.IndexName, cancellationToken).ConfigureAwait(false))
        {
            return $"the catalog index '{indexer.IndexName}' does not exist";
        }

        return CatalogBuildStamp.Read(StampPath) is { } built && built.Covers(Stamp())
            ? null
            : "the catalog file or the model is newer than the catalog index";
    }

    /// <summary>Re-embeds the peaks of the catalog file whose content changed (all with <paramref name="force"/>); a build
    /// without per-peak failures is stamped.</summary>
    public async Task<Outcome<CatalogRebuildResult>> RebuildAsync(bool force, CancellationToken cancellationToken)
    {
        var peaks = catalog.Reload();

        // Stamped as the files were before the build, so a change made during it triggers another one.
        var stamp = Stamp();
        var rebuilt = await indexer.RebuildAsync(peaks, catalog.Directory, force, cancellationToken).ConfigureAwait(false);
        if (rebuilt.Failure is null && rebuilt.Value.Failures.Count == 0)
        {
            stamp.Write(StampPath);
        }

        return rebuilt;
    }

    private CatalogBuildStamp Stamp() =>
        CatalogBuildStamp.Now(embeddings.Status.ModelId, catalog.FilePath, embeddingOptions.Value.ResolveModelDirectory());
}
