using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.Conformance.Tests.Assertions;
using Gateway.Conformance.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>
/// The committed list (<c>unsupported.yaml</c>) of tests outside the supported subset, file → test name (or
/// <c>"*"</c>) → reason; files whose shared setup is outside the subset; and the README's known differences.
/// A listed test is reported unsupported, never passed.
/// </summary>
internal sealed class UnsupportedList
{
    private readonly Dictionary<string, Dictionary<string, string>> _tests;
    private readonly Dictionary<string, string> _setupBlocked;

    private UnsupportedList(
        Dictionary<string, Dictionary<string, string>> tests,
        Dictionary<string, string> setupBlocked,
        IReadOnlyList<KnownDifference> knownDifferences)
    {
        _tests = tests;
        _setupBlocked = setupBlocked;
        KnownDifferences = knownDifferences;
    }

    public static UnsupportedList Empty { get; } = new([], [], []);

    /// <summary>Files whose shared setup needs something outside the subset, with the reason.</summary>
    public IReadOnlyDictionary<string, string> SetupBlocked => _setupBlocked;

    /// <summary>
    /// The reason a test of <paramref name="file"/> is unsupported when its setup fails: the test still runs, and
    /// counts as passed or failed as soon as the setup succeeds.
    /// </summary>
    public string? SetupBlockedReason(string file) => _setupBlocked.GetValueOrDefault(file);

    public IReadOnlyList<KnownDifference> KnownDifferences { get; }

    /// <summary>All listed (file, test, reason) entries, for the docs.</summary>
    public IEnumerable<(string File, string Test, string Reason)> Entries =>
        _tests.SelectMany(f => f.Value.Select(t => (f.Key, t.Key, t.Value)));

    public string? ReasonFor(string file, string test) =>
        _tests.TryGetValue(file, out var tests) ? tests.GetValueOrDefault(test) ?? tests.GetValueOrDefault("*") : null;

    public static UnsupportedList Parse(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0)
        {
            return Empty;
        }

        var root = YamlNodeConverter.ToJson(stream.Documents[0].RootNode) as JsonObject ?? [];
        var tests = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (file, entries) in root["unsupported"] as JsonObject ?? [])
        {
            tests[file] = (entries as JsonObject ?? []).ToDictionary(e => e.Key, e => JsonValues.ToText(e.Value), StringComparer.Ordinal);
        }

        var setupBlocked = (root["setup_blocked"] as JsonObject ?? [])
            .ToDictionary(e => e.Key, e => JsonValues.ToText(e.Value), StringComparer.Ordinal);
        var differences = new List<KnownDifference>();
        foreach (var entry in root["known_differences"] as JsonArray ?? [])
        {
            differences.Add(new KnownDifference(
                JsonValues.ToText(entry?["file"]),
                new Regex(JsonValues.ToText(entry?["field"]), RegexOptions.CultureInvariant),
                entry?["expected"] is { } expected ? JsonValues.ToText(expected) : null,
                JsonValues.ToText(entry?["reason"])));
        }

        return new UnsupportedList(tests, setupBlocked, differences);
    }
}
