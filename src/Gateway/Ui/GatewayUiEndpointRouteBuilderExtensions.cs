using Gateway.Admin;
using Gateway.Ui;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the search page, the admin pages and their static files.</summary>
internal static class GatewayUiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Adds authentication and authorization to the pipeline and maps the Razor Pages, <c>/_ui/{file}</c>
    /// (CSS and scripts from wwwroot/_ui; the photos under <c>/_ui/photos</c> are <c>MapPhotoFiles</c>'s), and the admin's <c>POST /_gateway/peaks/{id}/_mark</c> ("This is" / "Not" a peak). Every route is literal, so it wins over the proxy's catch-all.
    /// A browser asking for <c>/</c> (Accept: text/html) is sent to <c>/ui</c>; ES clients still reach the upstream's root.
    /// </summary>
    public static WebApplication MapGatewayUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.Use(UiAssetEndpoints.RedirectBrowsersAtRoot);
        UiAssetEndpoints.Map(app);
        app.MapPost("/_gateway/peaks/{id}/_mark", PhotoMarkEndpoint.HandleAsync).RequireAuthorization(AdminAuthentication.Policy).DisableAntiforgery();
        return app;
    }
}
