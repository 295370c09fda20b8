using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.Assertions;

/// <summary><c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>: numeric comparison (ordinal for two strings).</summary>
internal sealed class ComparisonAssertion(int line, string op, string field, JsonNode? expected) : Assertion(line, op, field, expected)
{
    protected override void Check(TestExecutionContext context, JsonNode? actual, JsonNode? expected)
    {
        int comparison;
        if (JsonValues.TryGetDouble(actual, out var a) && JsonValues.TryGetDouble(expected, out var e))
        {
            comparison = a.CompareTo(e);
        }
        else if (JsonValues.AsString(actual) is { } textA && JsonValues.AsString(expected) is { } textE)
        {
            comparison = string.CompareOrdinal(textA, textE);
        }
        else
        {
            throw Fail($"cannot compare [{JsonValues.Show(actual)}] with [{JsonValues.Show(expected)}]");
        }

        var holds = Op switch
        {
            "gt" => comparison > 0,
            "gte" => comparison >= 0,
            "lt" => comparison < 0,
            _ => comparison <= 0,
        };
        if (!holds)
        {
            throw Fail($"expected {Op} [{JsonValues.Show(expected)}] but was [{JsonValues.Show(actual)}]");
        }
    }
}
