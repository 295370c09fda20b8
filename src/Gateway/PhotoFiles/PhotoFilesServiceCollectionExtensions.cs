using Gateway.Albums;
using Gateway.PhotoFiles;
using Gateway.PhotoFiles.Thumbnails;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what serves a stored photo's files: the original's locator and the thumbnail cache.</summary>
internal static class PhotoFilesServiceCollectionExtensions
{
    /// <summary>Adds <see cref="PhotoFileLocator"/> (inside the album roots of <see cref="AlbumRegistry"/>) and
    /// <see cref="ThumbnailCache"/> (in <c>Gateway:Ui:ThumbnailCacheDirectory</c>).</summary>
    public static IServiceCollection AddPhotoFiles(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddGatewayFolders();
        services.TryAddSingleton<AlbumRegistry>();
        services.TryAddSingleton<AlbumRoots>();
        services.TryAddSingleton<PhotoFileLocator>();
        services.TryAddSingleton<ThumbnailCache>();
        return services;
    }
}
