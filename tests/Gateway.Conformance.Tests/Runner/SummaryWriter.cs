using System.Globalization;
using System.Text;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>
/// Writes <c>TestResults/conformance-summary.md</c> (under the repository root): pass/fail/skip/unsupported per
/// file, per group and in total, then every failure and every unsupported test with its reason.
/// </summary>
internal static class SummaryWriter
{
    public static string Write(IReadOnlyList<TestResult> results, string target, string version)
    {
        var root = ConformanceSuite.RepositoryRoot() ?? AppContext.BaseDirectory;
        var path = Path.Combine(root, "TestResults", "conformance-summary.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Render(results, target, version));
        return path;
    }

    /// <summary>The per-group table and the path of the full summary, for the console.</summary>
    public static string Totals(IReadOnlyList<TestResult> results, string path)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"Elasticsearch YAML conformance ({path}):");
        Table(text, "group", results.GroupBy(r => r.Group));
        Table(text, "origin", results.GroupBy(Origin));
        return text.ToString();
    }

    public static string Render(IReadOnlyList<TestResult> results, string target, string version)
    {
        var text = new StringBuilder();
        text.AppendLine("# Elasticsearch YAML conformance summary").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Target: {target}, reporting version {version}. Run at {DateTimeOffset.UtcNow:u}.").AppendLine();
        text.AppendLine("Pass rate = passed / (passed + failed): the share of the supported subset that conforms.").AppendLine();
        text.AppendLine("## Per origin").AppendLine();
        Table(text, "origin", results.GroupBy(Origin));
        text.AppendLine("## Per group").AppendLine();
        Table(text, "group", results.GroupBy(r => r.Group));
        text.AppendLine("## Per file").AppendLine();
        Table(text, "file", results.GroupBy(r => r.File));

        var failed = results.Where(r => r.Status == TestStatus.Failed).OrderBy(r => r.File, StringComparer.Ordinal).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Failures ({failed.Count})").AppendLine();
        foreach (var result in failed)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{result.File}` **{result.Test}**{(result.Listed ? " (listed)" : string.Empty)}: {OneLine(result.Message)}");
        }

        var unsupported = results.Where(r => r.Status is TestStatus.Unsupported or TestStatus.Skipped).OrderBy(r => r.File, StringComparer.Ordinal).ToList();
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Unsupported and skipped ({unsupported.Count})").AppendLine();
        foreach (var result in unsupported)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{result.File}` **{result.Test}** — {result.Status.ToString().ToLowerInvariant()}: {OneLine(result.Message)}");
        }

        var notes = results.Where(r => r.Notes.Count > 0).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine().AppendLine("## Notes on passed tests").AppendLine();
            foreach (var result in notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- `{result.File}` **{result.Test}**: {string.Join("; ", result.Notes)}");
            }
        }

        return text.ToString();
    }

    /// <summary><c>test</c> for the original files, <c>more/test</c> for the added ones.</summary>
    private static string Origin(TestResult result) => ConformanceSuite.IsFromMore(result.File) ? "more/test" : "test";

    private static void Table(StringBuilder text, string label, IEnumerable<IGrouping<string, TestResult>> groups)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | passed | failed | skipped | unsupported | total | pass rate |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var all = new List<TestResult>();
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            all.AddRange(group);
            Row(text, group.Key, group.ToList());
        }

        Row(text, "**total**", all);
        text.AppendLine();
    }

    private static void Row(StringBuilder text, string name, List<TestResult> results)
    {
        var passed = results.Count(r => r.Status == TestStatus.Passed);
        var failed = results.Count(r => r.Status == TestStatus.Failed);
        var skipped = results.Count(r => r.Status == TestStatus.Skipped);
        var unsupported = results.Count(r => r.Status == TestStatus.Unsupported);
        var rate = passed + failed == 0 ? "–" : ((double)passed / (passed + failed)).ToString("P0", CultureInfo.InvariantCulture);
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {passed} | {failed} | {skipped} | {unsupported} | {results.Count} | {rate} |");
    }

    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length > 500 ? line[..500] + "…" : line;
    }
}
