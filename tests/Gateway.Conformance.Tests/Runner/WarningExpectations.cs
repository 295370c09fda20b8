using System.Text.RegularExpressions;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>
/// The <c>warnings</c>, <c>allowed_warnings</c> and their <c>_regex</c> forms of a <c>do</c>: every expected warning
/// must come back, and any other warning fails the step, as in the Java runner.
/// </summary>
internal sealed partial class WarningExpectations
{
    public List<string> Expected { get; } = [];

    public List<string> Allowed { get; } = [];

    public List<string> ExpectedRegex { get; } = [];

    public List<string> AllowedRegex { get; } = [];

    /// <summary>Returns a failure description, or null when the warning headers are as expected.</summary>
    public string? Check(IEnumerable<string> headers)
    {
        var missing = new List<string>(Expected);
        var missingRegex = new List<string>(ExpectedRegex);
        var unexpected = new List<string>();
        foreach (var header in headers)
        {
            var message = ExtractMessage(header);
            if (Allowed.Contains(message) || missing.Remove(message))
            {
                continue;
            }

            var matched = missingRegex.FirstOrDefault(p => Regex.IsMatch(message, "^(?:" + p + ")$"));
            if (matched is not null)
            {
                missingRegex.Remove(matched);
                continue;
            }

            if (AllowedRegex.Any(p => Regex.IsMatch(message, "^(?:" + p + ")$")))
            {
                continue;
            }

            unexpected.Add(header);
        }

        if (missing.Count == 0 && missingRegex.Count == 0 && unexpected.Count == 0)
        {
            return null;
        }

        return string.Join("; ", new[]
        {
            unexpected.Count > 0 ? $"unexpected warning header(s) [{string.Join(" | ", unexpected)}]" : null,
            missing.Count > 0 ? $"did not get expected warning header(s) [{string.Join(" | ", missing)}]" : null,
            missingRegex.Count > 0 ? $"no warning header matched [{string.Join(" | ", missingRegex)}]" : null,
        }.Where(s => s is not null));
    }

    /// <summary>The quoted text of a <c>299 Elasticsearch-x.y.z "message" "date"</c> header, unescaped.</summary>
    public static string ExtractMessage(string header)
    {
        var match = WarningPattern().Match(header);
        return match.Success ? match.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) : header;
    }

    [GeneratedRegex("^\\d{3} \\S+ \"((?:\\\\.|[^\"\\\\])*)\"")]
    private static partial Regex WarningPattern();
}
