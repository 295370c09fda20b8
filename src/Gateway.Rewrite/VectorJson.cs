using System.Text.Json.Nodes;

namespace Gateway.Rewrite;

/// <summary>JSON helpers for vectors and numbers.</summary>
internal static class VectorJson
{
    public static JsonArray ToArray(float[] vector)
    {
        var array = new JsonArray();
        foreach (var value in vector)
        {
            array.Add(value);
        }

        return array;
    }

    public static int? OptionalInt(JsonObject obj, string name)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<int>(out var number))
        {
            return number;
        }

        if (node is JsonValue d && d.TryGetValue<double>(out var real) && real == Math.Floor(real) && real is >= int.MinValue and <= int.MaxValue)
        {
            return (int)real;
        }

        throw RewriteException.BadRequest($"[{name}] must be an integer but was [{node.ToJsonString()}]");
    }

    public static string? OptionalString(JsonObject obj, string name, string clause)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim().Length > 0)
        {
            return text;
        }

        throw RewriteException.BadRequest($"[{clause}.{name}] must be a non-empty string");
    }
}
