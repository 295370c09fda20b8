using System.Text.Json.Nodes;
using Gateway.Upstream;
using Microsoft.Extensions.Options;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Ui.Photos;

/// <summary>
/// Finds a stored photo's original on disk: reads its <c>path</c> (album-relative) and <c>album</c> from the photos
/// index, and resolves them against the configured album roots, never outside one.
/// </summary>
internal sealed class PhotoFileLocator(UpstreamClient upstream, IOptions<UiOptions> options, AlbumRoots albums)
{
    /// <summary>The photo's file, or null when the document or the file does not exist.</summary>
    public async Task<PhotoFile?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var response = await upstream.SendAsync(
            HttpMethod.GET,
            $"/{options.Value.PhotosIndex}/_doc/{Uri.EscapeDataString(id)}?_source_includes=path,album",
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess || response.Body?["_source"] is not JsonObject source
            || source["path"]?.GetValue<string>() is not { Length: > 0 } relative)
        {
            return null;
        }

        var album = source["album"]?.GetValue<string>();
        foreach (var root in albums.Candidates(album))
        {
            var full = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
            var inside = full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (inside && File.Exists(full))
            {
                var info = new FileInfo(full);
                return new PhotoFile(full, info.Length, info.LastWriteTimeUtc);
            }
        }

        return null;
    }
}
