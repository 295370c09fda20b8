using System.Globalization;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Geo;

/// <summary>Distances on Elasticsearch's spherical earth and its distance units.</summary>
internal static class GeoMath
{
    /// <summary>Mean earth radius in metres, as used by Elasticsearch's arc distance.</summary>
    public const double EarthRadius = 6_371_008.7714;

    public static double ArcDistance(GeoPoint a, GeoPoint b)
    {
        var lat1 = a.Lat * Math.PI / 180;
        var lat2 = b.Lat * Math.PI / 180;
        var dLat = lat2 - lat1;
        var dLon = (b.Lon - a.Lon) * Math.PI / 180;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public static double PlaneDistance(GeoPoint a, GeoPoint b)
    {
        var x = (b.Lon - a.Lon) * Math.PI / 180 * Math.Cos((a.Lat + b.Lat) / 2 * Math.PI / 180);
        var y = (b.Lat - a.Lat) * Math.PI / 180;
        return Math.Sqrt((x * x) + (y * y)) * EarthRadius;
    }

    /// <summary>Metres per unit for Elasticsearch's distance units.</summary>
    public static double UnitMeters(string unit) => unit switch
    {
        "m" or "meters" or "metres" => 1,
        "km" or "kilometers" or "kilometres" => 1000,
        "cm" or "centimeters" => 0.01,
        "mm" or "millimeters" => 0.001,
        "mi" or "miles" => 1609.344,
        "yd" or "yards" => 0.9144,
        "ft" or "feet" => 0.3048,
        "in" or "inch" => 0.0254,
        "nmi" or "NM" or "nauticalmiles" => 1852,
        _ => throw StoreException.IllegalArgument("No distance unit match [" + unit + "]"),
    };

    /// <summary>Parses "12km", "5.5mi", "200" (metres) into metres.</summary>
    public static double ParseDistance(string text, string defaultUnit = "m")
    {
        text = text.Trim();
        var i = text.Length;
        while (i > 0 && (char.IsLetter(text[i - 1])))
        {
            i--;
        }

        var unit = i < text.Length ? text[i..] : defaultUnit;
        if (!double.TryParse(text[..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw StoreException.Parsing("failed to parse distance [" + text + "]");
        }

        return value * UnitMeters(unit);
    }
}
