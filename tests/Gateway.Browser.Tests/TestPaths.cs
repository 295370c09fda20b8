using Gateway.TestSupport;

namespace Gateway.Browser.Tests;

/// <summary>Where the repository and the shared test data are.</summary>
internal static class TestPaths
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The folder holding Gateway.sln.</summary>
    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>../shared/photos/ebc next to the repository (read-only photos), or null when absent.</summary>
    public static string? SharedPhotos => RepositoryPaths.EbcPhotos;

    /// <summary>Where screenshots go: TestResults/screenshots under the repository root.</summary>
    public static string Screenshots => RepositoryPaths.Screenshots;
}
