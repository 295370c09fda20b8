using Gateway.Albums;
using Gateway.Api;
using Gateway.Embeddings;
using Gateway.Jobs;
using Gateway.Upstream;

namespace Gateway.Ui.Setup;

/// <summary>
/// What is still missing before the search page can show photos: the model (downloading, with progress, or missing),
/// an album (none added yet), the peak catalog (being built) and the first scan. Empty when everything is in place.
/// The album registry and the job store are optional: a host without albums or jobs has no such steps.
/// </summary>
internal sealed class SetupStatusReader(
    IEmbeddingService embeddings,
    UpstreamClient upstream,
    GatewayIndicesOptions indices,
    AlbumRegistry? albumRegistry = null,
    JobProgressStore? jobStore = null)
{
    /// <summary>The steps still open, and whether the photos and catalog indices exist (the page searches only then).
    /// Absolute server paths in the model's status are shown to the admin only (<paramref name="admin"/>), as in health.</summary>
    public async Task<(IReadOnlyList<SetupStep> Steps, bool PhotosReady, bool CatalogReady)> ReadAsync(bool admin, CancellationToken cancellationToken)
    {
        var steps = new List<SetupStep>();
        var status = embeddings.Status;
        var model = admin ? status : status with { Detail = PathRedactor.Redact(status.Detail)! };
        switch (model.State)
        {
            case EmbeddingModelState.Downloading:
                steps.Add(new SetupStep("model", $"Downloading the embedding model {model.ModelId}: {model.Detail}", InProgress: true));
                break;
            case EmbeddingModelState.Loading:
                steps.Add(new SetupStep("model", $"Loading the embedding model {model.ModelId}…", InProgress: true));
                break;
            case EmbeddingModelState.Missing or EmbeddingModelState.Failed:
                steps.Add(new SetupStep("model", model.Detail, "/admin", "Model status"));
                break;
        }

        var albums = albumRegistry?.All() ?? [];
        if (albums.Count == 0)
        {
            steps.Add(new SetupStep("album", "No album yet: add the folder of your photos and it is scanned at once.", "/admin/albums", "Add an album"));
        }

        var jobs = jobStore?.List() ?? [];
        if (jobs.FirstOrDefault(j => j.IsActive && j.Kind == JobKinds.CatalogRebuild) is { } catalogJob)
        {
            steps.Add(new SetupStep("catalog", $"Building the peak catalog ({catalogJob.Phase ?? catalogJob.State})…", "/admin/albums", "Jobs", InProgress: true));
        }

        foreach (var scan in jobs.Where(j => j.IsActive && j.Kind != JobKinds.CatalogRebuild))
        {
            steps.Add(new SetupStep("scan", $"Indexing {scan.Album ?? "every album"}: {scan.Done} of {scan.Total} photos ({scan.Phase ?? scan.State})", "/admin/albums", "Jobs", InProgress: true));
        }

        var photosReady = await upstream.ExistsAsync(indices.Photos, cancellationToken).ConfigureAwait(false);
        var catalogReady = await upstream.ExistsAsync(indices.Catalog, cancellationToken).ConfigureAwait(false);
        return (steps, photosReady, catalogReady);
    }
}
