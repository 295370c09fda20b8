using System.Text.Json.Nodes;

namespace Gateway.Conformance.Tests.Yaml;

/// <summary>Reads <c>requires</c> and <c>skip</c> sections into <see cref="Prerequisites"/>.</summary>
internal static class PrerequisiteParser
{
    public static void ParseRequires(JsonNode? node, Prerequisites target)
    {
        foreach (var (key, value) in AsObject("requires", node))
        {
            switch (key)
            {
                case "test_runner_features":
                    target.RunnerFeatures.AddRange(Strings(value));
                    break;
                case "cluster_features":
                    target.RequiredClusterFeatures.AddRange(Strings(value));
                    break;
                case "capabilities":
                    target.Capabilities.AddRange(Capabilities(value));
                    break;
                case "reason":
                    target.Reason ??= value?.ToString();
                    break;
                default:
                    throw new FormatException($"Unknown field [{key}] in requires");
            }
        }
    }

    public static void ParseSkip(JsonNode? node, Prerequisites target)
    {
        foreach (var (key, value) in AsObject("skip", node))
        {
            switch (key)
            {
                case "features":
                    target.RunnerFeatures.AddRange(Strings(value));
                    break;
                case "version":
                    target.SkipVersionRanges.Add(value?.ToString() ?? string.Empty);
                    break;
                case "cluster_features":
                    target.SkipClusterFeatures.AddRange(Strings(value));
                    break;
                case "known_issues":
                    foreach (var issue in value as JsonArray ?? [])
                    {
                        var map = AsObject("known_issues", issue);
                        target.KnownIssues.Add((map["cluster_feature"]?.ToString() ?? string.Empty, map["fixed_by"]?.ToString() ?? string.Empty));
                    }

                    break;
                case "awaits_fix":
                    target.AwaitsFix = value?.ToString() ?? "awaits fix";
                    break;
                case "os":
                    target.SkipOs.AddRange(Strings(value));
                    break;
                case "reason":
                    target.Reason ??= value?.ToString();
                    break;
                default:
                    throw new FormatException($"Unknown field [{key}] in skip");
            }
        }
    }

    private static IEnumerable<CapabilityCheck> Capabilities(JsonNode? node)
    {
        var items = node as JsonArray ?? [node];
        foreach (var item in items)
        {
            var map = AsObject("capabilities", item);
            yield return new CapabilityCheck(
                map["method"]?.ToString() ?? "GET",
                map["path"]?.ToString() ?? "/",
                Strings(map["parameters"]),
                Strings(map["capabilities"]));
        }
    }

    private static List<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(item => item?.ToString() ?? string.Empty).ToList(),
        _ => [node.ToString()],
    };

    private static JsonObject AsObject(string section, JsonNode? node) =>
        node as JsonObject ?? throw new FormatException($"[{section}] expects a mapping");
}
