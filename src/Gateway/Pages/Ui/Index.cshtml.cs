using Gateway.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Pages.Ui;

/// <summary>The search page: a static shell whose script searches through the gateway's own <c>_search</c> API.</summary>
public sealed class IndexModel(UiOptions options) : PageModel
{
    /// <summary>The photos index or alias the script searches.</summary>
    public string PhotosIndex => options.PhotosIndex;

    /// <summary>The peak catalog index the map and detail view read.</summary>
    public string CatalogIndex => options.CatalogIndex;
}
