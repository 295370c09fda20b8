using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>
/// Parses geo_point values in Elasticsearch's accepted forms: <c>{"lat":..,"lon":..}</c>,
/// GeoJSON <c>{"type":"Point","coordinates":[lon,lat]}</c>, <c>"lat,lon"</c>,
/// WKT <c>"POINT (lon lat)"</c> and <c>[lon, lat]</c>.
/// </summary>
internal static partial class GeoValueParser
{
    /// <summary>Parses one point; throws <see cref="FormatException"/> with Elasticsearch's reason.</summary>
    public static GeoPoint Parse(JsonElement value, string field)
    {
        var point = value.ValueKind switch
        {
            JsonValueKind.Object => ParseObject(value),
            JsonValueKind.String => ParseString(value.GetString()!),
            JsonValueKind.Array => ParseArray(value),
            _ => throw new FormatException("geo_point expected"),
        };
        if (double.IsNaN(point.Lat) || point.Lat is < -90 or > 90)
        {
            throw new FormatException("illegal latitude value [" + Format(point.Lat) + "] for " + field);
        }

        if (double.IsNaN(point.Lon) || point.Lon is < -180 or > 180)
        {
            throw new FormatException("illegal longitude value [" + Format(point.Lon) + "] for " + field);
        }

        return point;
    }

    private static string Format(double value) => value.ToString("0.0###############", CultureInfo.InvariantCulture);

    private static GeoPoint ParseObject(JsonElement value)
    {
        if (value.TryGetProperty("type", out var type) && value.TryGetProperty("coordinates", out var coordinates))
        {
            if (type.ValueKind != JsonValueKind.String || !string.Equals(type.GetString(), "Point", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("[type] for geo_point can only be 'Point'");
            }

            return ParseArray(coordinates);
        }

        double? lat = null, lon = null;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "lat":
                    lat = Number(property.Value, "lat");
                    break;
                case "lon":
                    lon = Number(property.Value, "lon");
                    break;
                default:
                    throw new FormatException("field must be either [lat], [lon], [type] or [coordinates]");
            }
        }

        if (lat is null)
        {
            throw new FormatException("field [lat] missing");
        }

        if (lon is null)
        {
            throw new FormatException("field [lon] missing");
        }

        return new GeoPoint(lat.Value, lon.Value);
    }

    private static double Number(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new FormatException("[" + name + "] must be a number"),
    };

    private static GeoPoint ParseArray(JsonElement value)
    {
        var length = value.GetArrayLength();
        if (length is < 2 or > 3)
        {
            throw new FormatException("Exception parsing coordinates: found [" + length + "] coordinates, expected 2 or 3");
        }

        var lon = Number(value[0], "lon");
        var lat = Number(value[1], "lat");
        return new GeoPoint(lat, lon);
    }

    private static GeoPoint ParseString(string text)
    {
        var trimmed = text.Trim();
        var wkt = WktPoint().Match(trimmed);
        if (wkt.Success)
        {
            return new GeoPoint(
                double.Parse(wkt.Groups[2].Value, CultureInfo.InvariantCulture),
                double.Parse(wkt.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        var comma = trimmed.Split(',');
        if (comma.Length is 2 or 3
            && double.TryParse(comma[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            && double.TryParse(comma[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
        {
            return new GeoPoint(lat, lon);
        }

        if (Geohash.TryDecode(trimmed, out var point))
        {
            return point;
        }

        throw new FormatException("unsupported symbol [" + (trimmed.Length > 0 ? trimmed[0] : ' ') + "] in geohash [" + trimmed + "]");
    }

    [GeneratedRegex(@"^POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)(?:\s+[-+0-9.eE]+)?\s*\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WktPoint();
}
