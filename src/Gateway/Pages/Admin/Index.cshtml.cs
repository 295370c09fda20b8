using Gateway.Admin;
using Gateway.Embeddings;
using Gateway.Embeddings.Models;
using Gateway.Embeddings.Service;
using Gateway.Peaks;
using Gateway.Upstream;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gateway.Pages.Admin;

/// <summary>Model and index status, and the choice of the model's export (fp32, int8, ...).</summary>
/// <remarks>The download monitor and the variant switcher are optional (a host without model management leaves them out).</remarks>
internal sealed class IndexModel(
    IEmbeddingService embeddings,
    IOptions<EmbeddingOptions> embeddingOptions,
    IndexStatusReader indices,
    PeakCatalog catalog,
    GatewayIndicesOptions names,
    ModelDownloadMonitor? downloads = null,
    ModelVariantSwitcher? variants = null,
    Gateway.Jobs.JobLauncher? launcher = null) : PageModel
{
    /// <summary>Whether the host runs jobs (the reindex after a switch of export is one).</summary>
    public bool JobsEnabled => launcher is not null;

    /// <summary>The exports the manifest lists for the model, which are downloaded, which is in use.</summary>
    public IReadOnlyList<ModelVariant> Variants { get; private set; } = [];

    /// <summary>The latest switch of export, or null.</summary>
    public ModelVariantSwitch? Switch { get; private set; }

    /// <summary>Where an admin's choice of export is kept, or null.</summary>
    public string? VariantFile => variants?.FilePath;

    /// <summary>Why the last choice was refused, or null.</summary>
    public string? VariantError { get; private set; }

    /// <summary>The embedding model's state.</summary>
    public EmbeddingModelStatus Model { get; private set; } = null!;

    /// <summary>The model folder.</summary>
    public string ModelDirectory { get; private set; } = "";

    /// <summary>Files in the model folder (relative path, bytes).</summary>
    public IReadOnlyList<(string Path, long Bytes)> ModelFiles { get; private set; } = [];

    /// <summary>The file being downloaded and how far along, while the model is fetched in the background.</summary>
    public DownloadProgress? Download { get; private set; }

    /// <summary>The upstream's indices.</summary>
    public IReadOnlyList<IndexStatus> Indices { get; private set; } = [];

    /// <summary>Why the indices could not be read, if they could not.</summary>
    public string? IndexError { get; private set; }

    /// <summary>The photos alias name.</summary>
    public string PhotosAlias => names.Photos;

    /// <summary>The concrete indices behind the photos alias.</summary>
    public IReadOnlyList<string> PhotosTargets => Indices.Where(i => i.Aliases.Contains(names.Photos) || i.Name == names.Photos).Select(i => i.Name).ToList();

    /// <summary>Peaks in the catalog file, or the error reading it.</summary>
    public string CatalogSummary { get; private set; } = "";

    /// <summary>Loads everything shown.</summary>
    public async Task OnGetAsync()
    {
        Model = embeddings.Status;
        Variants = variants?.Variants() ?? [];
        Switch = variants?.Latest;
        Download = downloads?.Progress;
        ModelDirectory = embeddingOptions.Value.ResolveModelDirectory();
        if (Directory.Exists(ModelDirectory))
        {
            ModelFiles = new DirectoryInfo(ModelDirectory).EnumerateFiles("*", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(ModelDirectory, f.FullName).Replace('\\', '/'), f.Length))
                .OrderBy(f => f.Item1, StringComparer.Ordinal)
                .ToList();
        }

        (Indices, IndexError) = await indices.ReadAsync(HttpContext.RequestAborted).ConfigureAwait(false);
        try
        {
            CatalogSummary = $"{catalog.Peaks.Count} peaks in {catalog.FilePath}";
        }
        catch (PeakCatalogException e)
        {
            CatalogSummary = e.Message;
        }
    }

    /// <summary>Switches the model to another export (fetching its files first when they are missing); the page then shows
    /// the switch's progress. An unknown variant is refused with 400 and the reason.</summary>
    public async Task<IActionResult> OnPostVariantAsync(string? variant)
    {
        if (variants is null)
        {
            return NotFound();
        }

        if (variants.Start(variant) is { } refused)
        {
            await OnGetAsync().ConfigureAwait(false);
            VariantError = refused;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return RedirectToPage();
    }

    /// <summary>Bytes as KB/MB/GB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        < 1024L * 1024 * 1024 => $"{bytes / 1024.0 / 1024:0.#} MB",
        _ => $"{bytes / 1024.0 / 1024 / 1024:0.##} GB",
    };
}
