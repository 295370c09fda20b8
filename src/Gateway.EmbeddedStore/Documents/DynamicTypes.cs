using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>Elasticsearch's dynamic field mapping rules for the types the store supports.</summary>
internal static class DynamicTypes
{
    public static JsonObject ForScalar(JsonElement value, bool dateDetection)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                return new JsonObject { ["type"] = "boolean" };
            case JsonValueKind.Number:
                return new JsonObject { ["type"] = IsInteger(value) ? "long" : "float" };
            default:
                var text = value.GetString()!;
                if (dateDetection && LooksLikeDate(text))
                {
                    return new JsonObject { ["type"] = "date" };
                }

                return new JsonObject
                {
                    ["type"] = "text",
                    ["fields"] = new JsonObject { ["keyword"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 256 } },
                };
        }
    }

    /// <summary>Elasticsearch 8.11+: an unmapped array of 128..4096 floats becomes a dense_vector.</summary>
    public static bool IsDynamicVector(JsonElement array)
    {
        var length = array.GetArrayLength();
        if (length is < 128 or > 4096)
        {
            return false;
        }

        var sawFloat = false;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number)
            {
                return false;
            }

            sawFloat |= !IsInteger(item);
        }

        return sawFloat;
    }

    public static JsonObject Vector(int dims) =>
        (JsonObject)MappingCompiler.Normalize(new JsonObject
        {
            ["properties"] = new JsonObject { ["v"] = new JsonObject { ["type"] = "dense_vector", ["dims"] = dims } },
        })["properties"]!["v"]!.DeepClone();

    /// <summary>Adds a field definition at a dotted path, creating intermediate objects.</summary>
    public static void Insert(JsonObject root, string path, JsonObject definition)
    {
        var parts = path.Split('.');
        var current = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var properties = current["properties"] as JsonObject ?? (JsonObject)(current["properties"] = new JsonObject());
            if (properties[parts[i]] is not JsonObject child)
            {
                child = new JsonObject();
                properties[parts[i]] = child;
            }

            current = child;
        }

        var leafProperties = current["properties"] as JsonObject ?? (JsonObject)(current["properties"] = new JsonObject());
        leafProperties[parts[^1]] = definition.DeepClone();
    }

    private static bool IsInteger(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.IndexOfAny(['.', 'e', 'E']) < 0;
    }

    private static bool LooksLikeDate(string text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && DateFormatParser.TryParse(text, "strict_date_optional_time") is not null
        || text.Length >= 10 && DateFormatParser.TryParse(text, "yyyy/MM/dd HH:mm:ss Z||yyyy/MM/dd Z") is not null;
}
