using Gateway.Admin;
using Gateway.Hosting;
using Gateway.Peaks;
using Gateway.Peaks.Yaml;
using Gateway.Rewrite;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Pages.Admin.Peaks;

/// <summary>The catalog's peaks: search, rebuild the prototypes, and add the peaks a newer shipped catalog brings.</summary>
internal sealed class IndexModel(PeakEditor editor, GatewayFolders folders) : PageModel
{
    /// <summary>Peaks of the shipped catalog (next to the app) that the editable catalog does not hold.</summary>
    public IReadOnlyList<Peak> NewShippedPeaks { get; private set; } = [];

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
            NewShippedPeaks = ShippedPeaksMissing();
        }
        catch (PeakCatalogException e)
        {
            Error = e.Message;
        }
    }

    /// <summary>Adds the shipped peaks the editable catalog does not hold (after an upgrade); rebuild to embed them.</summary>
    public async Task<IActionResult> OnPostAddShippedAsync()
    {
        try
        {
            var missing = ShippedPeaksMissing();
            await editor.AddMissingAsync(missing, HttpContext.RequestAborted).ConfigureAwait(false);
            TempData["Flash"] = $"Added {missing.Count} shipped peak(s): {string.Join(", ", missing.Select(p => p.DisplayName))}. Rebuild prototypes to embed them.";
            TempData["FlashKind"] = "";
        }
        catch (PeakCatalogException e)
        {
            TempData["Flash"] = "Adding the shipped peaks failed: " + e.Message;
            TempData["FlashKind"] = "error";
        }

        return RedirectToPage(new { Q });
    }

    // The shipped file is only read: the user's copy in the data folder is the one edited.
    private List<Peak> ShippedPeaksMissing() =>
        System.IO.File.Exists(folders.ShippedCatalog) && folders.ShippedCatalog != editor.FilePath
            ? PeakCatalogYaml.LoadFile(folders.ShippedCatalog).Where(s => editor.Find(s.Id) is null).ToList()
            : [];

    /// <summary>Rebuilds every changed prototype (all with <paramref name="force"/>).</summary>
    public async Task<IActionResult> OnPostRebuildAsync(bool force)
    {
        try
        {
            var rebuilt = await editor.RebuildAsync(force, HttpContext.RequestAborted).ConfigureAwait(false);
            if (rebuilt.Failure is { } failure)
            {
                TempData["Flash"] = "Rebuild failed: " + failure;
                TempData["FlashKind"] = "error";
                return RedirectToPage(new { Q });
            }

            var result = rebuilt.Value;
            TempData["Flash"] = $"Catalog rebuilt: {result.Updated} updated, {result.Unchanged} unchanged, {result.Deleted} deleted"
                + (result.Failures.Count > 0 ? $"; failures: {string.Join("; ", result.Failures)}" : ".");
            TempData["FlashKind"] = result.Failures.Count > 0 ? "error" : "";
        }
        catch (PeakCatalogException e)
        {
            // The catalog file itself does not load: broken configuration, shown where it can be fixed.
            TempData["Flash"] = "Rebuild failed: " + e.Message;
            TempData["FlashKind"] = "error";
        }

        return RedirectToPage(new { Q });
    }
}
