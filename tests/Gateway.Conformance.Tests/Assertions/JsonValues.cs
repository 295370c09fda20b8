using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Conformance.Tests.Assertions;

/// <summary>Value helpers with the Java runner's semantics: numbers compare by value, truthiness, Java-style text.</summary>
internal static class JsonValues
{
    /// <summary>Serializer options that keep non-ASCII text readable in messages and request bodies.</summary>
    public static JsonSerializerOptions Readable { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool IsNumber(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number;

    public static bool TryGetDouble(JsonNode? node, out double number)
    {
        number = 0;
        return IsNumber(node)
            && double.TryParse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Exact numeric equality where both fit a decimal, double equality otherwise (1 equals 1.0, as in Java).</summary>
    public static bool NumbersEqual(JsonNode a, JsonNode b)
    {
        var textA = a.ToJsonString();
        var textB = b.ToJsonString();
        if (decimal.TryParse(textA, NumberStyles.Float, CultureInfo.InvariantCulture, out var decA)
            && decimal.TryParse(textB, NumberStyles.Float, CultureInfo.InvariantCulture, out var decB))
        {
            return decA == decB;
        }

        return TryGetDouble(a, out var dA) && TryGetDouble(b, out var dB) && dA.Equals(dB);
    }

    /// <summary>The text of a value as Java's <c>toString()</c> would print it (strings unquoted, maps as <c>{k=v}</c>).</summary>
    public static string ToText(JsonNode? node)
    {
        var builder = new StringBuilder();
        AppendText(builder, node);
        return builder.ToString();
    }

    private static void AppendText(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    builder.Append(first ? string.Empty : ", ").Append(key).Append('=');
                    AppendText(builder, value);
                    first = false;
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    AppendText(builder, array[i]);
                }

                builder.Append(']');
                break;
            default:
                builder.Append(AsString(node) ?? node.ToJsonString());
                break;
        }
    }

    /// <summary>The Java runner's truthiness: missing, null, "", "false" (any case) and "0" are false.</summary>
    public static bool IsTruthy(JsonNode? node)
    {
        if (node is null)
        {
            return false;
        }

        var text = ToText(node);
        return text.Length != 0 && !text.Equals("false", StringComparison.OrdinalIgnoreCase) && text != "0";
    }

    /// <summary>
    /// Deep equality; returns null when equal, otherwise a description of the first difference. As in the Java
    /// runner, a number compared directly equals any number of the same value (1 equals 1.0), but inside objects
    /// and lists Java's <c>equals</c> applies: an integer never equals a fraction (1 is not 1.0).
    /// </summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path = "")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{Where(path)}expected [{Show(expected)}] but was [{Show(actual)}]";
        }

        switch (expected)
        {
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    return $"{Where(path)}expected an object [{Show(expected)}] but was [{Show(actual)}]";
                }

                foreach (var (key, value) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(key, out var actualValue))
                    {
                        return $"{Where(path)}expected field [{key}] is missing";
                    }

                    if (Difference(value, actualValue, Join(path, key)) is { } difference)
                    {
                        return difference;
                    }
                }

                var extra = actualObject.Select(p => p.Key).Where(k => !expectedObject.ContainsKey(k)).ToList();
                return extra.Count == 0 ? null : $"{Where(path)}unexpected field(s) [{string.Join(", ", extra)}]";
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    return $"{Where(path)}expected a list [{Show(expected)}] but was [{Show(actual)}]";
                }

                if (expectedArray.Count != actualArray.Count)
                {
                    return $"{Where(path)}expected {expectedArray.Count} element(s) but was {actualArray.Count}: [{Show(actual)}]";
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (Difference(expectedArray[i], actualArray[i], Join(path, i.ToString(CultureInfo.InvariantCulture))) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                return ScalarsEqual(expected, actual, path.Length > 0) ? null : $"{Where(path)}expected [{Show(expected)}] but was [{Show(actual)}]";
        }
    }

    private static bool ScalarsEqual(JsonNode expected, JsonNode actual, bool nested)
    {
        if (IsNumber(expected) && IsNumber(actual))
        {
            return NumbersEqual(expected, actual) && (nested is false || IsIntegral(expected) == IsIntegral(actual));
        }

        if (AsString(expected) is { } expectedText && AsString(actual) is { } actualText)
        {
            return expectedText == actualText;
        }

        var expectedKind = expected.GetValueKind();
        var actualKind = actual.GetValueKind();
        var bothBool = expectedKind is JsonValueKind.True or JsonValueKind.False && actualKind is JsonValueKind.True or JsonValueKind.False;
        return (expectedKind == actualKind || bothBool) && expected.ToJsonString() == actual.ToJsonString();
    }

    private static bool IsIntegral(JsonNode number) => number.ToJsonString().IndexOfAny(['.', 'e', 'E']) < 0;

    public static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString(Readable) ?? "null";
        return text.Length > 400 ? text[..400] + "…" : text;
    }

    private static string Where(string path) => path.Length == 0 ? string.Empty : $"at [{path}] ";

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
