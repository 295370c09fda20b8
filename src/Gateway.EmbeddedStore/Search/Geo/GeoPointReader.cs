using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Geo;

/// <summary>
/// Parses a geo point in any of Elasticsearch's formats: <c>{"lat":..,"lon":..}</c>,
/// <c>[lon, lat]</c>, <c>"lat,lon"</c>, a geohash, WKT <c>POINT (lon lat)</c> or GeoJSON.
/// </summary>
internal static class GeoPointReader
{
    private const string Base32 = "0123456789bcdefghjkmnpqrstuvwxyz";

    public static GeoPoint Parse(JsonNode? node, string field = "point")
    {
        switch (node)
        {
            case JsonObject obj when obj["type"] is not null && obj["coordinates"] is JsonArray coords:
                return FromArray(coords, field);
            case JsonObject obj:
                if (obj["lat"] is null || obj["lon"] is null)
                {
                    throw StoreException.Parsing("field [" + (obj["lat"] is null ? "lat" : "lon") + "] missing");
                }

                return Validate(JsonValues.ToDouble(obj["lat"], "lat"), JsonValues.ToDouble(obj["lon"], "lon"));
            case JsonArray array:
                return FromArray(array, field);
            case JsonValue when JsonValues.AsString(node) is { } text:
                return ParseString(text.Trim());
            default:
                throw StoreException.Parsing("[" + field + "] could not parse geo point");
        }
    }

    public static GeoPoint ParseString(string text)
    {
        if (text.StartsWith("POINT", StringComparison.OrdinalIgnoreCase))
        {
            var open = text.IndexOf('(', StringComparison.Ordinal);
            var close = text.IndexOf(')', StringComparison.Ordinal);
            var parts = text[(open + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return Validate(Number(parts[1]), Number(parts[0]));
        }

        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            return Validate(Number(text[..comma]), Number(text[(comma + 1)..]));
        }

        return DecodeGeohash(text);
    }

    public static GeoPoint DecodeGeohash(string hash)
    {
        var (minLat, maxLat, minLon, maxLon) = GeohashCell(hash);
        return new GeoPoint((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    /// <summary>True when <paramref name="node"/> is a string that can only be a geohash.</summary>
    public static bool IsGeohash(JsonNode? node) =>
        JsonValues.IsString(node) && node!.GetValue<string>() is { Length: > 0 } s && !s.Contains(',', StringComparison.Ordinal) && !s.TrimStart().StartsWith("POINT", StringComparison.OrdinalIgnoreCase);

    /// <summary>The bounds of a geohash cell.</summary>
    public static (double MinLat, double MaxLat, double MinLon, double MaxLon) GeohashCell(string hash)
    {
        double latMin = -90, latMax = 90, lonMin = -180, lonMax = 180;
        var even = true;
        foreach (var c in hash.ToLowerInvariant())
        {
            var cd = Base32.IndexOf(c, StringComparison.Ordinal);
            if (cd < 0)
            {
                throw StoreException.IllegalArgument("unsupported symbol [" + c + "] in geohash [" + hash + "]");
            }

            for (var mask = 16; mask != 0; mask >>= 1)
            {
                if (even)
                {
                    var mid = (lonMin + lonMax) / 2;
                    if ((cd & mask) != 0)
                    {
                        lonMin = mid;
                    }
                    else
                    {
                        lonMax = mid;
                    }
                }
                else
                {
                    var mid = (latMin + latMax) / 2;
                    if ((cd & mask) != 0)
                    {
                        latMin = mid;
                    }
                    else
                    {
                        latMax = mid;
                    }
                }

                even = !even;
            }
        }

        return (latMin, latMax, lonMin, lonMax);
    }

    private static GeoPoint FromArray(JsonArray array, string field)
    {
        if (array.Count < 2)
        {
            throw StoreException.Parsing("[" + field + "] geo point array must have at least two values");
        }

        return Validate(JsonValues.ToDouble(array[1], "lat"), JsonValues.ToDouble(array[0], "lon"));
    }

    private static double Number(string s) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw StoreException.Parsing("[" + s + "] is not a valid number for a geo point");

    private static GeoPoint Validate(double lat, double lon)
    {
        if (lat is < -90 or > 90)
        {
            throw StoreException.IllegalArgument("illegal latitude value [" + lat.ToString(CultureInfo.InvariantCulture) + "] for point");
        }

        if (lon is < -180 or > 180)
        {
            throw StoreException.IllegalArgument("illegal longitude value [" + lon.ToString(CultureInfo.InvariantCulture) + "] for point");
        }

        return new GeoPoint(lat, lon);
    }
}
