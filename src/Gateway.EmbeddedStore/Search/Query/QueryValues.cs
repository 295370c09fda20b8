using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>Converts query values to the representation a field stores.</summary>
internal static class QueryValues
{
    public static bool IsNumeric(FieldKind kind) => kind is FieldKind.Long or FieldKind.Integer or FieldKind.Short or FieldKind.Byte
        or FieldKind.Double or FieldKind.Float or FieldKind.HalfFloat;

    public static bool IsLongBacked(FieldKind kind) => kind is FieldKind.Long or FieldKind.Integer or FieldKind.Short or FieldKind.Byte
        or FieldKind.Date or FieldKind.Boolean;

    /// <summary>Numeric (date: epoch millis, boolean: 0/1) value of a query term for this field.</summary>
    public static double ToNumber(FieldMapping field, JsonNode? value, SearchContext context, bool roundUp = false, string? format = null, TimeZoneInfo? zone = null)
    {
        switch (field.Kind)
        {
            case FieldKind.Date:
                var text = JsonValues.AsString(value) ?? throw StoreException.Parsing("[" + field.Path + "] date value expected");
                return DateMath.Parse(text, format ?? field.Format, zone, context.Now, roundUp, field.Path);
            case FieldKind.Boolean:
                return JsonValues.AsString(value) switch
                {
                    "true" => 1,
                    "false" or "" => 0,
                    var other => throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("Failed to parse value [" + other + "] as only [true] or [false] are allowed.")),
                };
            default:
                var s = JsonValues.AsString(value);
                if (s is not null && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    // Bounds are parsed at the field's precision, as the stored values were.
                    return field.Kind switch
                    {
                        FieldKind.Float => (float)d,
                        FieldKind.HalfFloat => (double)(Half)d,
                        _ => d,
                    };
                }

                throw SearchErrors.AllShardsFailed(SearchErrors.QueryShard("failed to create query: For input string: \"" + s + "\"", context.IndexName));
        }
    }

    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        if (id is "Z" or "UTC")
        {
            return TimeZoneInfo.Utc;
        }

        if (id[0] is '+' or '-')
        {
            var sign = id[0] == '-' ? -1 : 1;
            var parts = id[1..].Split(':');
            var offset = new TimeSpan(int.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0, 0) * sign;
            return TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw StoreException.IllegalArgument("Unknown time-zone ID: " + id);
        }
    }
}
