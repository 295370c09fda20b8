using Gateway.Admin;
using Gateway.Ui.Setup;
using Gateway.Upstream;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gateway.Pages.Ui;

/// <summary>The search page: a static shell whose script searches through the gateway's own <c>_search</c> API, with
/// what is still missing (model, album, catalog, first scan) shown above the grid instead of an empty one.</summary>
internal sealed class IndexModel(
    GatewayIndicesOptions indices,
    IAuthorizationPolicyProvider policies,
    IPolicyEvaluator evaluator,
    SetupStatusReader setup) : PageModel
{
    /// <summary>The photos index or alias the script searches.</summary>
    public string PhotosIndex => indices.Photos;

    /// <summary>The peak catalog index the map and detail view read.</summary>
    public string CatalogIndex => indices.Catalog;

    /// <summary>The setup steps still open.</summary>
    public IReadOnlyList<SetupStep> Steps { get; private set; } = [];

    /// <summary>Whether the photos index exists (the script searches only then).</summary>
    public bool PhotosReady { get; private set; }

    /// <summary>Whether the catalog index exists.</summary>
    public bool CatalogReady { get; private set; }

    /// <summary>Whether the visitor is the signed-in admin (the detail view then offers "This is" / "Not" a peak).</summary>
    public bool IsAdmin { get; private set; }

    /// <summary>Reads whether the visitor is the admin (who also sees the model's server paths), then the setup status.</summary>
    public async Task OnGetAsync()
    {
        // The page itself is public: evaluate the admin policy by hand (its schemes, its requirement) without a challenge.
        if (await policies.GetPolicyAsync(AdminAuthentication.Policy).ConfigureAwait(false) is { } policy)
        {
            var authenticated = await evaluator.AuthenticateAsync(policy, HttpContext).ConfigureAwait(false);
            IsAdmin = (await evaluator.AuthorizeAsync(policy, authenticated, HttpContext, null).ConfigureAwait(false)).Succeeded;
        }

        (Steps, PhotosReady, CatalogReady) = await setup.ReadAsync(IsAdmin, HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
