using System.Globalization;
using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Search.Aggregations.Pipeline;

/// <summary>How pipeline results render numbers: null for what is not finite, <c>*_as_string</c> with a format.</summary>
internal static class PipelineFormat
{
    /// <summary>A finite number, else JSON null (Elasticsearch renders NaN and infinities of a pipeline as null).</summary>
    public static JsonNode? Value(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    /// <summary>Sets <paramref name="name"/> and, with a format and a finite value, <c>name_as_string</c>.</summary>
    public static void Set(JsonObject target, string name, double value, string? format)
    {
        target[name] = Value(value);
        if (format is not null && double.IsFinite(value))
        {
            target[name + "_as_string"] = value.ToString(format, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Java's <c>Double.toString</c> for the values keys are made of: <c>50.0</c>, <c>99.9</c>.</summary>
    public static string JavaDouble(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e7 ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A rendered bucket's key as Elasticsearch's <c>getKeyAsString</c> gives it.</summary>
    public static string KeyAsString(JsonObject bucket)
    {
        if (bucket["key_as_string"] is JsonValue text)
        {
            return text.ToString();
        }

        return bucket["key"] switch
        {
            JsonValue v when v.TryGetValue<double>(out var d) && !v.TryGetValue<long>(out _) => JavaDouble(d),
            { } key => key.ToString(),
            null => string.Empty,
        };
    }
}
