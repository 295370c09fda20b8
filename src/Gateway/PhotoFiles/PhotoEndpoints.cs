using Gateway.Embeddings;
using Gateway.PhotoFiles.Thumbnails;
using Gateway.Ui;
using Microsoft.Extensions.Options;

namespace Gateway.PhotoFiles;

/// <summary><c>/_ui/photos/{id}/thumb</c>, <c>/preview</c> (JPEG, orientation applied, cached on disk) and <c>/original</c> (download).</summary>
internal static class PhotoEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/_ui/photos/{id}/thumb", (string id, HttpContext http, PhotoFileLocator locator, ThumbnailCache cache, IOptions<UiOptions> options) =>
            ServeScaledAsync(id, options.Value.ThumbnailEdge, http, locator, cache)).ExcludeFromDescription();
        endpoints.MapGet("/_ui/photos/{id}/preview", (string id, HttpContext http, PhotoFileLocator locator, ThumbnailCache cache, IOptions<UiOptions> options) =>
            ServeScaledAsync(id, options.Value.PreviewEdge, http, locator, cache)).ExcludeFromDescription();
        endpoints.MapGet("/_ui/photos/{id}/original", ServeOriginalAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ServeScaledAsync(string id, int edge, HttpContext http, PhotoFileLocator locator, ThumbnailCache cache)
    {
        var photo = await locator.FindAsync(id, http.RequestAborted).ConfigureAwait(false);
        if (photo is null)
        {
            return NotFound(id);
        }

        string path;
        try
        {
            path = await cache.GetAsync(id, photo, edge, http.RequestAborted).ConfigureAwait(false);
        }
        catch (ImageDecodeException e)
        {
            return PhotoErrors.Result(StatusCodes.Status422UnprocessableEntity, "image_decode_exception", $"photo [{id}] does not decode: {e.Message}");
        }

        http.Response.Headers.CacheControl = "private, max-age=86400";
        return Results.File(path, "image/jpeg", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + Path.GetFileNameWithoutExtension(path) + "\""));
    }

    private static async Task<IResult> ServeOriginalAsync(string id, HttpContext http, PhotoFileLocator locator)
    {
        var photo = await locator.FindAsync(id, http.RequestAborted).ConfigureAwait(false);
        if (photo is null)
        {
            return NotFound(id);
        }

        var contentType = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider().TryGetContentType(photo.Name, out var type)
            ? type
            : "application/octet-stream";
        return Results.File(photo.FullPath, contentType, photo.Name, lastModified: photo.LastWriteUtc, enableRangeProcessing: true);
    }

    private static IResult NotFound(string id) =>
        PhotoErrors.Result(StatusCodes.Status404NotFound, "resource_not_found_exception", $"photo [{id}] or its file was not found");
}
