namespace Gateway.Photos.Ingestion;

/// <summary>Finds the image files of an album: recursive, any-case extensions, hidden and system entries skipped.</summary>
public static class AlbumScanner
{
    /// <summary>Image extensions ingested (compared case-insensitively): every container the decoder reads (it sniffs the
    /// bytes, so a misnamed file still decodes or fails with the reason).</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".heic", ".heif", ".avif", ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff",
    };

    /// <summary>Every image under <paramref name="album"/>'s root, sorted by relative path (ordinal) so runs are repeatable.</summary>
    /// <exception cref="DirectoryNotFoundException">The album root does not exist.</exception>
    public static IReadOnlyList<PhotoFile> Scan(AlbumOptions album)
    {
        ArgumentNullException.ThrowIfNull(album);
        var root = new DirectoryInfo(Path.GetFullPath(album.Root));
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"album '{album.Name}': folder '{root.FullName}' does not exist");
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
            ReturnSpecialDirectories = false,
        };
        var files = new List<PhotoFile>();
        foreach (var file in root.EnumerateFiles("*", options))
        {
            var relative = Path.GetRelativePath(root.FullName, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (!Extensions.Contains(file.Extension) || IsHidden(relative))
            {
                continue;
            }

            files.Add(new PhotoFile(album.Name, file.FullName, relative, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    // Unix has no hidden attribute: dot-files and dot-folders (".thumbnails", "._IMG_1.HEIC" from macOS) are hidden by
    // convention; "@eaDir" is Synology's thumbnail folder.
    private static bool IsHidden(string relativePath) =>
        relativePath.Split('/').Any(part => part.StartsWith('.') || part.Equals("@eaDir", StringComparison.OrdinalIgnoreCase));
}
