namespace Gateway.Peaks.Catalog;

/// <summary>Finds the reference photos of a peak: the first images (by name) of its folder.</summary>
internal static class ReferencePhotos
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif" };

    public static IReadOnlyList<FileInfo> Find(Peak peak, string catalogDirectory, int max)
    {
        if (peak.ReferencePhotos is null)
        {
            return [];
        }

        var folder = Path.GetFullPath(Path.Combine(catalogDirectory, peak.ReferencePhotos));
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return new DirectoryInfo(folder).EnumerateFiles()
            .Where(f => Extensions.Contains(f.Extension) && !f.Name.StartsWith('.'))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }
}
