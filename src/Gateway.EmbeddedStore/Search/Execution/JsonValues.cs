using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Lenient conversions of JSON request values, failing with Elasticsearch's errors.</summary>
internal static class JsonValues
{
    public static string TokenName(JsonNode? node) => node switch
    {
        JsonObject => "START_OBJECT",
        JsonArray => "START_ARRAY",
        null => "VALUE_NULL",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "VALUE_STRING",
            JsonValueKind.Number => "VALUE_NUMBER",
            JsonValueKind.True or JsonValueKind.False => "VALUE_BOOLEAN",
            _ => "VALUE_NULL",
        },
        _ => "VALUE_NULL",
    };

    public static int ToInt(JsonNode? node, string name)
    {
        var d = ToDouble(node, name);
        if (d > int.MaxValue || d < int.MinValue)
        {
            throw StoreException.BadRequest("x_content_parse_exception", "[" + name + "] Numeric value (" + d.ToString(CultureInfo.InvariantCulture) + ") out of range of int");
        }

        return (int)d;
    }

    public static double ToDouble(JsonNode? node, string name)
    {
        if (node is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.Number:
                    // Values built in code (not parsed) hold their CLR type, so go through the JSON text.
                    return v.TryGetValue<double>(out var direct) ? direct : double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                case JsonValueKind.String when double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                    return d;
            }
        }

        throw StoreException.BadRequest("x_content_parse_exception", "[" + name + "] failed to parse field [" + name + "]");
    }

    public static bool ToBool(JsonNode? node, string name)
    {
        if (node is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when v.GetValue<string>() is "true" or "false":
                    return v.GetValue<string>() == "true";
            }
        }

        throw StoreException.BadRequest("x_content_parse_exception", "[" + name + "] failed to parse field [" + name + "]");
    }

    public static string? AsString(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => null,
    };

    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;
}
