using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.Conformance.Tests.Assertions;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>
/// A <c>match</c> that the suite's README declares a known difference (the 7.x-era <c>_type: _doc</c>): it is
/// not checked and the test's report says so.
/// </summary>
internal sealed record KnownDifference(string File, Regex Field, string? Expected, string Reason)
{
    public bool Applies(string file, string field, JsonNode? expected) =>
        file == File && Field.IsMatch(field) && (Expected is null || JsonValues.ToText(expected) == Expected);
}
