using System.Text.Json.Nodes;
using Gateway.Upstream;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.PhotoFiles;

/// <summary>
/// Finds a stored photo's original on disk: reads its <c>path</c> (album-relative) and <c>album</c> from the photos
/// index, and resolves them against the configured album roots, never outside one.
/// </summary>
internal sealed class PhotoFileLocator(UpstreamClient upstream, GatewayIndicesOptions indices, AlbumRoots albums)
{
    /// <summary>The photo's file, or null when the document or the file does not exist.</summary>
    public async Task<PhotoFile?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var response = await upstream.SendAsync(
            HttpMethod.GET,
            $"/{indices.Photos}/_doc/{Uri.EscapeDataString(id)}?_source_includes=path,album",
            cancellationToken: cancellationToken).ConfigureAwait(false);
        // Anyone who can write the photos index chooses these strings: a number, a NUL or a link is "not found".
        if (!response.IsSuccess || response.Body?["_source"] is not JsonObject source
            || !TryGetString(source["path"], out var relative) || relative.Length == 0 || relative.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        TryGetString(source["album"], out var album);
        foreach (var root in albums.Candidates(album))
        {
            // Both sides as real paths (every link resolved), so a link inside the album that points out of it
            // (rootlink -> /) is refused while a link inside pointing inside still works.
            if (RealPath.Resolve(root) is not { } realRoot
                || RealPath.Resolve(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar))) is not { } real
                || !RealPath.IsInside(real, realRoot) || !File.Exists(real))
            {
                continue;
            }

            var info = new FileInfo(real);
            return new PhotoFile(real, info.Length, info.LastWriteTimeUtc);
        }

        return null;
    }

    private static bool TryGetString(JsonNode? node, out string value)
    {
        value = "";
        return node is JsonValue json && json.TryGetValue(out value!);
    }
}
