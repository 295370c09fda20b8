using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.Assertions;

/// <summary><c>match</c>: deep equality, or a <c>/regex/</c> (Java COMMENTS flag: whitespace and # comments ignored).</summary>
internal sealed class MatchAssertion(int line, string field, JsonNode? expected) : Assertion(line, "match", field, expected)
{
    protected override void Check(TestExecutionContext context, JsonNode? actual, JsonNode? expected)
    {
        if (context.KnownDifference(Field, expected) is { } reason)
        {
            context.Notes.Add($"match (line {Line}) on [{Field}] not checked: {reason}");
            return;
        }

        if (JsonValues.AsString(expected)?.Trim() is { Length: > 2 } pattern && pattern[0] == '/' && pattern[^1] == '/')
        {
            // The Java runner only matches a regex against a string value.
            if (JsonValues.AsString(actual) is not { } text)
            {
                throw Fail($"expected a string matching {pattern} but was [{JsonValues.Show(actual)}]");
            }

            var regex = new Regex(pattern[1..^1], RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
            if (!regex.IsMatch(text))
            {
                throw Fail($"[{Truncate(text)}] does not match {pattern}");
            }

            return;
        }

        if (JsonValues.Difference(expected, actual) is { } difference)
        {
            throw Fail(difference);
        }
    }

    private static string Truncate(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
