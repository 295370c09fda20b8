using System.Text.Json.Nodes;
using Gateway.Conformance.Tests.Assertions;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>Reads a <c>do</c> mapping: the API call plus catch, headers, warnings and node_selector.</summary>
internal static class DoStepParser
{
    public static DoStep Parse(JsonObject map, int line)
    {
        string? api = null;
        JsonObject arguments = [];
        string? catchValue = null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var warnings = new WarningExpectations();
        var usesNodeSelector = false;
        foreach (var (key, value) in map)
        {
            switch (key)
            {
                case "catch":
                    catchValue = JsonValues.ToText(value);
                    break;
                case "headers":
                    foreach (var (name, headerValue) in value as JsonObject ?? [])
                    {
                        headers[name] = JsonValues.ToText(headerValue);
                    }

                    break;
                case "warnings":
                    warnings.Expected.AddRange(Strings(value));
                    break;
                case "allowed_warnings":
                    warnings.Allowed.AddRange(Strings(value));
                    break;
                case "warnings_regex":
                    warnings.ExpectedRegex.AddRange(Strings(value));
                    break;
                case "allowed_warnings_regex":
                    warnings.AllowedRegex.AddRange(Strings(value));
                    break;
                case "node_selector":
                    usesNodeSelector = true;
                    break;
                default:
                    if (api is not null)
                    {
                        throw new FormatException($"do (line {line}) calls two APIs: [{api}] and [{key}]");
                    }

                    api = key;
                    arguments = value as JsonObject ?? [];
                    break;
            }
        }

        return new DoStep(line, api ?? throw new FormatException($"do (line {line}) names no API"), arguments, catchValue, headers, warnings, usesNodeSelector);
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(JsonValues.ToText) : node is null ? [] : [JsonValues.ToText(node)];
}
