using Gateway.Admin;
using Gateway.Embeddings;
using Gateway.Peaks;
using Gateway.Rewrite;
using Gateway.Upstream;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Pages.Admin.Peaks;

/// <summary>The catalog's peaks: search, and rebuild the prototypes.</summary>
public sealed class IndexModel(PeakEditor editor) : PageModel
{
    /// <summary>Filter text: any name or alias, any script, case and accents ignored.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The peaks shown.</summary>
    public IReadOnlyList<Peak> Peaks { get; private set; } = [];

    /// <summary>Why the catalog could not be read.</summary>
    public string? Error { get; private set; }

    /// <summary>Lists the peaks matching <see cref="Q"/>.</summary>
    public void OnGet()
    {
        try
        {
            var needle = PeakNameNormalizer.Normalize(Q ?? "");
            Peaks = editor.Peaks
                .Where(p => needle.Length == 0 || p.Id.Contains(Q!.Trim(), StringComparison.OrdinalIgnoreCase)
                    || p.AllNames.Any(n => PeakNameNormalizer.Normalize(n).Contains(needle, StringComparison.Ordinal)))
                .OrderByDescending(p => p.ElevationM)
                .ToList();
        }
        catch (PeakCatalogException e)
        {
            Error = e.Message;
        }
    }

    /// <summary>Rebuilds every changed prototype (all with <paramref name="force"/>).</summary>
    public async Task<IActionResult> OnPostRebuildAsync(bool force)
    {
        try
        {
            var result = await editor.RebuildAsync(force, HttpContext.RequestAborted).ConfigureAwait(false);
            TempData["Flash"] = $"Catalog rebuilt: {result.Updated} updated, {result.Unchanged} unchanged, {result.Deleted} deleted"
                + (result.Failures.Count > 0 ? $"; failures: {string.Join("; ", result.Failures)}" : ".");
            TempData["FlashKind"] = result.Failures.Count > 0 ? "error" : "";
        }
        catch (Exception e) when (e is EmbeddingUnavailableException or UpstreamException or PeakCatalogException)
        {
            TempData["Flash"] = "Rebuild failed: " + e.Message;
            TempData["FlashKind"] = "error";
        }

        return RedirectToPage(new { Q });
    }
}
