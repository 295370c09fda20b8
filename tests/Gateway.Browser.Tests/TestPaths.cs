namespace Gateway.Browser.Tests;

/// <summary>Where the repository and the shared test data are.</summary>
internal static class TestPaths
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The folder holding Gateway.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared next to the repository (read-only photos), or null when absent.</summary>
    public static string? SharedPhotos
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "photos", "ebc"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>Where screenshots go: TestResults/screenshots under the repository root.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot, "TestResults", "screenshots")).FullName;

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
