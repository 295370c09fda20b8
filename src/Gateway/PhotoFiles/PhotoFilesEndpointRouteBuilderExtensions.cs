using Gateway.PhotoFiles;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the photo endpoints.</summary>
internal static class PhotoFilesEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>/_ui/photos/{id}/thumb</c>, <c>/_ui/photos/{id}/preview</c> (cached thumbnails) and
    /// <c>/_ui/photos/{id}/original</c> (<see cref="PhotoEndpoints"/>). Every route is literal, so it wins over the proxy's catch-all.</summary>
    public static IEndpointRouteBuilder MapPhotoFiles(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        PhotoEndpoints.Map(endpoints);
        return endpoints;
    }
}
