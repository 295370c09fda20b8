using System.Text.RegularExpressions;

namespace Gateway.Acceptance.Tests;

/// <summary>The peak ids of the repository's config/peaks.yaml (what the product ships).</summary>
internal static partial class ShippedCatalog
{
    public static IReadOnlyList<string> PeakIds { get; } = IdLine()
        .Matches(File.ReadAllText(Path.Combine(AcceptancePaths.RepositoryRoot, "config", "peaks.yaml")))
        .Select(m => m.Groups[1].Value)
        .ToList();

    [GeneratedRegex(@"^  - id: ([a-z0-9-]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex IdLine();
}
