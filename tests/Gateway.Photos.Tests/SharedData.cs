namespace Gateway.Photos.Tests;

/// <summary>Finds <c>../shared</c> next to the repository root (the folder holding Gateway.sln).</summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    public static string? PhotosDir => Root.Value is { } r ? Path.Combine(r, "photos") : null;

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
        }
    }

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

    private static string? Find()
    {
        var shared = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }
}
