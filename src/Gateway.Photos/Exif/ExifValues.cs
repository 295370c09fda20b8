using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MdDirectory = MetadataExtractor.Directory;

namespace Gateway.Photos.Exif;

/// <summary>Conversions of raw EXIF values (rationals, references) into numbers.</summary>
internal static class ExifValues
{
    // Diagonal of a 36 x 24 mm frame.
    private const double FullFrameDiagonalMm = 43.266615305567875;

    public static string? GetString(MdDirectory? d, int tag) =>
        d is not null && d.ContainsTag(tag) ? d.GetString(tag) : null;

    public static double? GetDouble(MdDirectory? d, int tag)
    {
        if (d is null || !d.ContainsTag(tag))
        {
            return null;
        }

        return d.GetObject(tag) switch
        {
            Rational r when r.Denominator != 0 => r.ToDouble(),
            Rational => null,
            Rational[] { Length: > 0 } rs when rs[0].Denominator != 0 => rs[0].ToDouble(),
            _ => d.TryGetDouble(tag, out var v) && double.IsFinite(v) ? v : null,
        };
    }

    public static (double? Lat, double? Lon) ReadPosition(GpsDirectory? gps)
    {
        var lat = Degrees(gps, ExifTags.GpsLatitude, ExifTags.GpsLatitudeRef, 'S');
        var lon = Degrees(gps, ExifTags.GpsLongitude, ExifTags.GpsLongitudeRef, 'W');
        if (lat is null || lon is null || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            return (null, null);
        }

        // Phones without a fix write 0,0 ("null island"); nobody photographs from there.
        return lat == 0 && lon == 0 ? (null, null) : (lat, lon);
    }

    public static double? ReadAltitude(GpsDirectory? gps)
    {
        var alt = GetDouble(gps, ExifTags.GpsAltitude);
        if (alt is null)
        {
            return null;
        }

        var belowSeaLevel = gps!.TryGetInt32(ExifTags.GpsAltitudeRef, out var r) && r == 1;
        return belowSeaLevel ? -alt.Value : alt.Value;
    }

    /// <summary>35 mm equivalent from FocalLength and the sensor size given by FocalPlaneX/YResolution.</summary>
    public static double? DeriveFocal35(IReadOnlyList<ExifSubIfdDirectory> subIfds)
    {
        foreach (var d in subIfds)
        {
            var focal = GetDouble(d, ExifTags.FocalLength);
            var xRes = GetDouble(d, ExifTags.FocalPlaneXResolution);
            var yRes = GetDouble(d, ExifTags.FocalPlaneYResolution) ?? xRes;
            if (focal is not > 0 || xRes is not > 0 || yRes is not > 0
                || !d.TryGetInt32(ExifTags.ExifImageWidth, out var w) || !d.TryGetInt32(ExifTags.ExifImageHeight, out var h))
            {
                continue;
            }

            var unitMm = (d.TryGetInt32(ExifTags.FocalPlaneResolutionUnit, out var u) ? u : 2) switch
            {
                3 => 10.0,
                4 => 1.0,
                5 => 0.001,
                _ => 25.4,
            };
            var sensorW = w / xRes.Value * unitMm;
            var sensorH = h / yRes.Value * unitMm;
            var diagonal = Math.Sqrt((sensorW * sensorW) + (sensorH * sensorH));
            if (diagonal is > 1 and < 100)
            {
                return Math.Round(focal.Value * FullFrameDiagonalMm / diagonal, 1);
            }
        }

        return null;
    }

    public static TimeSpan? ParseOffset(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (t.Length == 6 && (t[0] == '+' || t[0] == '-') && t[3] == ':'
            && int.TryParse(t.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hh)
            && int.TryParse(t.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mm)
            && hh <= 14 && mm < 60)
        {
            var span = new TimeSpan(hh, mm, 0);
            return t[0] == '-' ? -span : span;
        }

        return null;
    }

    private static double? Degrees(GpsDirectory? gps, int tag, int refTag, char negativeRef)
    {
        if (gps?.GetObject(tag) is not Rational[] { Length: 3 } dms || dms.Any(r => r.Denominator == 0))
        {
            return null;
        }

        var value = dms[0].ToDouble() + (dms[1].ToDouble() / 60) + (dms[2].ToDouble() / 3600);
        var reference = GetString(gps, refTag)?.Trim();
        return reference is { Length: > 0 } && char.ToUpperInvariant(reference[0]) == negativeRef ? -value : value;
    }
}
