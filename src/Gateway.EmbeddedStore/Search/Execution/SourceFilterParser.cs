using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Parses <c>_source</c> in a body (bool, string, array, object) or in URL parameters.</summary>
internal static class SourceFilterParser
{
    public static SourceFilter Parse(JsonNode? value)
    {
        switch (value)
        {
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return v.GetValue<bool>() ? SourceFilter.All : new SourceFilter(false, [], []);
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return new SourceFilter(true, [v.GetValue<string>()], []);
            case JsonArray array:
                return new SourceFilter(true, Strings(array, "_source"), []);
            case JsonObject obj:
                var includes = new List<string>();
                var excludes = new List<string>();
                bool? excludeVectors = null;
                foreach (var (key, node) in obj)
                {
                    if (key == "exclude_vectors")
                    {
                        excludeVectors = JsonValues.ToBool(node, key);
                        continue;
                    }

                    var target = key switch
                    {
                        "includes" or "include" => includes,
                        "excludes" or "exclude" => excludes,
                        _ => throw StoreException.Parsing("Unknown key for a " + JsonValues.TokenName(node) + " in [" + key + "]."),
                    };
                    target.AddRange(node is JsonArray a ? Strings(a, key) : [JsonValues.AsString(node) ?? string.Empty]);
                }

                return new SourceFilter(true, includes, excludes, excludeVectors);
            default:
                throw StoreException.Parsing("Expected one of [VALUE_BOOLEAN, VALUE_STRING, START_ARRAY, START_OBJECT] but found [" + JsonValues.TokenName(value) + "]");
        }
    }

    public static SourceFilter FromUrl(string? source, string? includes, string? excludes)
    {
        if (source is "false")
        {
            return new SourceFilter(false, [], []);
        }

        var inc = new List<string>();
        if (source is not null and not "true" and not "")
        {
            inc.AddRange(source.Split(',', StringSplitOptions.RemoveEmptyEntries));
        }

        if (includes is not null)
        {
            inc.AddRange(includes.Split(',', StringSplitOptions.RemoveEmptyEntries));
        }

        return new SourceFilter(true, inc, excludes?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? []);
    }

    private static List<string> Strings(JsonArray array, string name) =>
        array.Select(n => JsonValues.AsString(n) ?? throw StoreException.Parsing("Expected strings in [" + name + "]")).ToList();
}
