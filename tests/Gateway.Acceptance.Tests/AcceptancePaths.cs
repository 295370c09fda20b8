using Gateway.TestSupport;

namespace Gateway.Acceptance.Tests;

/// <summary>Where the repository, its build output and the shared test photos are.</summary>
internal static class AcceptancePaths
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The folder holding Gateway.sln.</summary>
    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>The build configuration these tests were built with (the gateway was built with the same one).</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The gateway's build output folder (what <c>dotnet build src/Gateway</c> wrote).</summary>
    public static string BuildOutput { get; } = Path.Combine(RepositoryRoot, "src", "Gateway", "bin", Configuration, "net10.0");

    /// <summary>../shared/photos/ebc next to the repository, or null when absent.</summary>
    public static string? EbcPhotos => RepositoryPaths.EbcPhotos;

    /// <summary>Screenshots go to TestResults/screenshots under the repository root.</summary>
    public static string Screenshots => RepositoryPaths.Screenshots;
}
