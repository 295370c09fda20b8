using System.Collections.Concurrent;
using Gateway.Conformance.Tests.Yaml;

namespace Gateway.Conformance.Tests;

/// <summary>
/// Finds Elasticsearch's YAML REST tests: <c>$CONFORMANCE_TESTS_DIR</c> (one or more folders separated by the
/// path separator), else <c>../shared/conformance/test</c> and <c>../shared/conformance/more/test</c> next to the
/// folder holding <c>Gateway.sln</c>. A file is named by its path relative to its folder (the folders hold
/// different files); parsed files are cached.
/// </summary>
internal static class ConformanceSuite
{
    private static readonly ConcurrentDictionary<string, Lazy<YamlTestFile>> Files = new(StringComparer.Ordinal);

    /// <summary>Groups of issue 2 (documents, bulk, indices …); everything else in the suite is search (issue 3).</summary>
    private static readonly string[] SearchGroups = ["search", "search.vectors", "search.aggregation", "search.highlight", "search.inner_hits"];

    /// <summary>The folders searched, first the original 62 files', then <c>more/test</c>.</summary>
    public static IReadOnlyList<string> TestsDirectories { get; } = Locate();

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Roots = new(IndexFiles);

    public static bool IsAvailable => TestsDirectories.Count > 0;

    public static string MissingReason =>
        "Elasticsearch YAML tests not found: set CONFORMANCE_TESTS_DIR or provide ../shared/conformance/test (and more/test) next to the repository";

    public static bool IsSearchGroup(string relativePath) =>
        SearchGroups.Contains(relativePath.Split('/')[0], StringComparer.Ordinal);

    /// <summary>Relative paths (<c>bulk/10_basic.yml</c>) of every test file, sorted.</summary>
    public static IReadOnlyList<string> RelativePaths() => Roots.Value.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether the file comes from <c>more/test</c> (any folder after the first), for the report.</summary>
    public static bool IsFromMore(string relativePath) =>
        TestsDirectories.Count > 1 && Roots.Value.TryGetValue(relativePath, out var root) && root != TestsDirectories[0];

    public static YamlTestFile Load(string relativePath) =>
        Files.GetOrAdd(relativePath, path => new Lazy<YamlTestFile>(() =>
            TestFileParser.Parse(path, File.ReadAllText(Path.Combine(Roots.Value[path], path))))).Value;

    private static IReadOnlyDictionary<string, string> IndexFiles()
    {
        var roots = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in TestsDirectories)
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.yml", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
                if (!roots.TryAdd(relative, directory))
                {
                    throw new InvalidOperationException("[" + relative + "] is in both " + roots[relative] + " and " + directory);
                }
            }
        }

        return roots;
    }

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

    private static List<string> Locate()
    {
        var configured = Environment.GetEnvironmentVariable("CONFORMANCE_TESTS_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(Directory.Exists).Select(Path.GetFullPath).ToList();
        }

        var root = RepositoryRoot();
        if (root is null)
        {
            return [];
        }

        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance"));
        return new[] { Path.Combine(shared, "test"), Path.Combine(shared, "more", "test") }.Where(Directory.Exists).ToList();
    }
}
