using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.Assertions;

/// <summary><c>contains</c>: a list holds an element matching the expected one (objects: a subset), or a string holds a substring.</summary>
internal sealed class ContainsAssertion(int line, string field, JsonNode? expected) : Assertion(line, "contains", field, expected)
{
    protected override void Check(TestExecutionContext context, JsonNode? actual, JsonNode? expected)
    {
        var holds = actual switch
        {
            JsonArray array => array.Any(item => Matches(expected, item)),
            JsonValue when JsonValues.AsString(actual) is { } text => text.Contains(JsonValues.ToText(expected), StringComparison.Ordinal),
            _ => throw Fail($"expected a list or a string but was [{JsonValues.Show(actual)}]"),
        };
        if (!holds)
        {
            throw Fail($"[{JsonValues.Show(actual)}] does not contain [{JsonValues.Show(expected)}]");
        }
    }

    private static bool Matches(JsonNode? expected, JsonNode? item) => expected is JsonObject subset
        ? item is JsonObject obj && subset.All(p => obj.TryGetPropertyValue(p.Key, out var v) && JsonValues.Difference(p.Value, v) is null)
        : JsonValues.Difference(expected, item) is null;
}
