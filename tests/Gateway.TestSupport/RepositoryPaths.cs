namespace Gateway.TestSupport;

/// <summary>Finds the repository root (the folder holding Gateway.sln) from the test binaries, and what lies there.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The model manifest (<c>models/manifest.json</c>).</summary>
    public static string ModelManifest => Path.Combine(Root, "models", "manifest.json");

    /// <summary>The shipped peak catalog (<c>config/peaks.yaml</c>).</summary>
    public static string CatalogFile => Path.Combine(Root, "config", "peaks.yaml");

    /// <summary><c>../shared</c> next to the repository (photos, conformance tests), or null when it is absent.</summary>
    public static string? Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    /// <summary><c>../shared/photos/ebc</c> next to the repository (the real trek photos), or null when it is absent.</summary>
    public static string? EbcPhotos
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "photos", "ebc"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>Where browser tests put screenshots: <c>TestResults/screenshots</c> under the repository root.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "TestResults", "screenshots")).FullName;

    private static string FindRoot()
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
