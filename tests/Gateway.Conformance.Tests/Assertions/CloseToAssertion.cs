using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.Assertions;

/// <summary><c>close_to: { field: { value: v, error: e } }</c>: |actual − v| ≤ e.</summary>
internal sealed class CloseToAssertion(int line, string field, JsonNode? expected) : Assertion(line, "close_to", field, expected)
{
    public static CloseToAssertion Create(int line, string field, JsonNode? argument) =>
        argument is JsonObject map && map.ContainsKey("value") && map.ContainsKey("error")
            ? new CloseToAssertion(line, field, argument)
            : throw new FormatException($"close_to (line {line}) needs {{ value, error }}");

    protected override void Check(TestExecutionContext context, JsonNode? actual, JsonNode? expected)
    {
        var map = (JsonObject)expected!;
        if (!JsonValues.TryGetDouble(map["value"], out var value) || !JsonValues.TryGetDouble(map["error"], out var error))
        {
            throw Fail($"value and error must be numbers: [{JsonValues.Show(expected)}]");
        }

        if (!JsonValues.TryGetDouble(actual, out var number))
        {
            throw Fail($"expected a number close to {value} but was [{JsonValues.Show(actual)}]");
        }

        if (Math.Abs(number - value) > error)
        {
            throw Fail($"expected {value} ± {error} but was {number}");
        }
    }
}
