using Gateway.Admin;
using Gateway.Ui;
using Gateway.Ui.Setup;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Pages.Ui;

/// <summary>The search page: a static shell whose script searches through the gateway's own <c>_search</c> API, with
/// what is still missing (model, album, catalog, first scan) shown above the grid instead of an empty one.</summary>
public sealed class IndexModel(UiOptions options, IServiceProvider services) : PageModel
{
    /// <summary>The photos index or alias the script searches.</summary>
    public string PhotosIndex => options.PhotosIndex;

    /// <summary>The peak catalog index the map and detail view read.</summary>
    public string CatalogIndex => options.CatalogIndex;

    /// <summary>The setup steps still open.</summary>
    public IReadOnlyList<SetupStep> Steps { get; private set; } = [];

    /// <summary>Whether the photos index exists (the script searches only then).</summary>
    public bool PhotosReady { get; private set; }

    /// <summary>Whether the catalog index exists.</summary>
    public bool CatalogReady { get; private set; }

    /// <summary>Reads the setup status.</summary>
    public async Task OnGetAsync()
    {
        var admin = (await HttpContext.AuthenticateAsync(AdminAuthentication.Scheme).ConfigureAwait(false)).Succeeded;
        (Steps, PhotosReady, CatalogReady) = await services.GetRequiredService<SetupStatusReader>().ReadAsync(admin, HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
