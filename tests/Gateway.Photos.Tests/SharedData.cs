namespace Gateway.Photos.Tests;

/// <summary>The shared photos (<c>../shared/photos</c>, found by <see cref="RepositoryPaths"/>) and their manifests.</summary>
internal static class SharedData
{
    public static string? PhotosDir => RepositoryPaths.Shared is { } r ? Path.Combine(r, "photos") : null;

    /// <summary>The path of a shared photo folder, or a SKIP when ../shared is absent.</summary>
    public static string RequirePhotos(string sub)
    {
        var dir = PhotosDir is null ? null : Path.Combine(PhotosDir, sub);
        Skip.If(dir is null || !Directory.Exists(dir), "../shared/photos/" + sub + " is absent");
        return dir!;
    }

    /// <summary>Rows of a tab-separated manifest keyed by its first column.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadManifest(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split('\t');
        return lines.Skip(1).Select(l => l.Split('\t')).ToDictionary(
            cells => cells[0],
            cells => (IReadOnlyDictionary<string, string>)header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : ""))
                .ToDictionary(p => p.h, p => p.v));
    }
}
