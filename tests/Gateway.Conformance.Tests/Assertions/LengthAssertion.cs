using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.Assertions;

/// <summary><c>length</c>: characters of a string, elements of a list or keys of an object.</summary>
internal sealed class LengthAssertion(int line, string field, JsonNode? expected) : Assertion(line, "length", field, expected)
{
    protected override void Check(TestExecutionContext context, JsonNode? actual, JsonNode? expected)
    {
        // The Java runner also accepts the length as a numeric string.
        if (!JsonValues.TryGetDouble(expected, out var wanted)
            && !double.TryParse(JsonValues.AsString(expected), NumberStyles.Integer, CultureInfo.InvariantCulture, out wanted))
        {
            throw Fail($"expected length must be a number, got [{JsonValues.Show(expected)}]");
        }

        int? length = actual switch
        {
            JsonArray array => array.Count,
            JsonObject obj => obj.Count,
            JsonValue when JsonValues.AsString(actual) is { } text => text.Length,
            _ => null,
        };
        if (length is null)
        {
            throw Fail($"expected something with a length of {wanted} but was [{JsonValues.Show(actual)}]");
        }

        if (length.Value != wanted)
        {
            throw Fail($"expected length {wanted} but was {length} [{JsonValues.Show(actual)}]");
        }
    }
}
