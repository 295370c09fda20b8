using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Gateway.Ui;

/// <summary>Serves <c>wwwroot/_ui</c> as endpoints (static-file middleware would lose to the proxy's catch-all route).</summary>
internal static class UiAssetEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/_ui/{**file}", Serve).ExcludeFromDescription();

    public static Task RedirectBrowsersAtRoot(HttpContext context, Func<Task> next)
    {
        if (context.Request.Path == "/" && HttpMethods.IsGet(context.Request.Method)
            && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect("/ui");
            return Task.CompletedTask;
        }

        return next();
    }

    private static IResult Serve(string file, IWebHostEnvironment environment, HttpContext context)
    {
        if (file.Contains("..", StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var info = environment.WebRootFileProvider.GetFileInfo("_ui/" + file);
        if (!info.Exists || info.IsDirectory)
        {
            return Results.NotFound();
        }

        if (!ContentTypes.TryGetContentType(info.Name, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        // Revalidate every time: the files are small and a stale script after an upgrade is worse than a 304.
        context.Response.Headers.CacheControl = "no-cache";
        var etag = new EntityTagHeaderValue("\"" + info.LastModified.UtcTicks.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + info.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\"");
        return Results.Stream(info.CreateReadStream(), contentType, lastModified: info.LastModified, entityTag: etag);
    }
}
