using System.Globalization;
using System.Text.Json;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>Numeric coercion like Elasticsearch's number field mappers (strings coerced, fractions truncated).</summary>
internal static class NumericParsing
{
    public static long ParseInteger(JsonElement value, FieldKind kind)
    {
        double number;
        string text;
        if (value.ValueKind == JsonValueKind.Number)
        {
            text = value.GetRawText();
            if (value.TryGetInt64(out var exact))
            {
                return CheckRange(exact, kind, text);
            }

            number = value.GetDouble();
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            text = value.GetString()!;
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exact))
            {
                return CheckRange(exact, kind, text);
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                throw new FormatException("For input string: \"" + text + "\"");
            }
        }
        else
        {
            throw new FormatException("Current token (" + Token(value) + ") not numeric, can not use numeric value accessors");
        }

        if (double.IsNaN(number) || double.IsInfinity(number) || number >= 9.2233720368547758E18 || number < -9.2233720368547758E18)
        {
            throw new FormatException("Value [" + text + "] is out of range for a " + Name(kind));
        }

        return CheckRange((long)Math.Truncate(number), kind, text);
    }

    public static double ParseFloating(JsonElement value, FieldKind kind)
    {
        double number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            number = value.GetDouble();
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            if (!double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                throw new FormatException("For input string: \"" + value.GetString() + "\"");
            }
        }
        else
        {
            throw new FormatException("Current token (" + Token(value) + ") not numeric, can not use numeric value accessors");
        }

        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            throw new FormatException("[" + Name(kind) + "] supports only finite values, but got [" + number.ToString(CultureInfo.InvariantCulture) + "]");
        }

        return kind switch
        {
            FieldKind.Float => (float)number,
            FieldKind.HalfFloat => (double)(Half)number,
            _ => number,
        };
    }

    private static long CheckRange(long value, FieldKind kind, string text)
    {
        var (min, max) = kind switch
        {
            FieldKind.Integer => (int.MinValue, int.MaxValue),
            FieldKind.Short => (short.MinValue, short.MaxValue),
            FieldKind.Byte => (sbyte.MinValue, sbyte.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        if (value < min || value > max)
        {
            throw new FormatException("Value [" + text + "] is out of range for " + (kind == FieldKind.Integer ? "an " : "a ") + Name(kind));
        }

        return value;
    }

    private static string Name(FieldKind kind) => kind switch
    {
        FieldKind.Integer => "integer",
        FieldKind.Short => "short",
        FieldKind.Byte => "byte",
        FieldKind.Float => "float",
        FieldKind.HalfFloat => "half_float",
        FieldKind.Double => "double",
        _ => "long",
    };

    private static string Token(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "VALUE_TRUE",
        JsonValueKind.False => "VALUE_FALSE",
        JsonValueKind.Object => "START_OBJECT",
        JsonValueKind.Array => "START_ARRAY",
        _ => "VALUE_STRING",
    };
}
