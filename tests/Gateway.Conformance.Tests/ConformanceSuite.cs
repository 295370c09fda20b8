using System.Collections.Concurrent;
using Gateway.Conformance.Tests.Yaml;

namespace Gateway.Conformance.Tests;

/// <summary>
/// Finds Elasticsearch's YAML REST tests: <c>$CONFORMANCE_TESTS_DIR</c>, else <c>../shared/conformance/test</c> next to
/// the folder holding <c>Gateway.sln</c>. Parsed files are cached.
/// </summary>
internal static class ConformanceSuite
{
    private static readonly ConcurrentDictionary<string, Lazy<YamlTestFile>> Files = new(StringComparer.Ordinal);

    /// <summary>Groups of issue 2 (documents, bulk, indices …); everything else in the suite is search (issue 3).</summary>
    private static readonly string[] SearchGroups = ["search", "search.vectors", "search.aggregation"];

    public static string? TestsDirectory { get; } = Locate();

    public static bool IsAvailable => TestsDirectory is not null;

    public static string MissingReason =>
        "Elasticsearch YAML tests not found: set CONFORMANCE_TESTS_DIR or provide ../shared/conformance/test next to the repository";

    public static bool IsSearchGroup(string relativePath) =>
        SearchGroups.Contains(relativePath.Split('/')[0], StringComparer.Ordinal);

    /// <summary>Relative paths (<c>bulk/10_basic.yml</c>) of every test file, sorted.</summary>
    public static IReadOnlyList<string> RelativePaths() => TestsDirectory is null
        ? []
        : Directory.EnumerateFiles(TestsDirectory, "*.yml", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(TestsDirectory, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static YamlTestFile Load(string relativePath) =>
        Files.GetOrAdd(relativePath, path => new Lazy<YamlTestFile>(() =>
            TestFileParser.Parse(path, File.ReadAllText(Path.Combine(TestsDirectory!, path))))).Value;

    /// <summary>Every (file, test name) pair in the chosen groups; a file that does not parse yields one row that fails.</summary>
    public static IEnumerable<(string File, string Test)> Tests(bool search)
    {
        foreach (var path in RelativePaths().Where(p => IsSearchGroup(p) == search))
        {
            IReadOnlyList<string> names;
            try
            {
                names = Load(path).Tests.Select(t => t.Name).ToList();
            }
            catch (Exception e) when (e is FormatException or YamlDotNet.Core.YamlException)
            {
                names = [ParseErrorTest];
            }

            foreach (var name in names)
            {
                yield return (path, name);
            }
        }
    }

    /// <summary>The row name used for a file that does not parse.</summary>
    public const string ParseErrorTest = "(file does not parse)";

    /// <summary>The folder holding Gateway.sln, or null.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("CONFORMANCE_TESTS_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var root = RepositoryRoot();
        var candidate = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance", "test"));
        return candidate is not null && Directory.Exists(candidate) ? candidate : null;
    }
}
