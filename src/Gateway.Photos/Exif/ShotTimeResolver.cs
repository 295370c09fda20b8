using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace Gateway.Photos.Exif;

/// <summary>Turns DateTimeOriginal + OffsetTimeOriginal, the GPS stamps or the file time into one UTC instant.</summary>
internal static class ShotTimeResolver
{
    private const string ExifFormat = "yyyy:MM:dd HH:mm:ss";

    public readonly record struct ShotTime(DateTimeOffset? Utc, ShotTimeSource Source, string? LocalText, string? OffsetText);

    public static ShotTime Resolve(IReadOnlyList<ExifSubIfdDirectory> subIfds, GpsDirectory? gps, DateTimeOffset? fileTime)
    {
        var sub = subIfds.FirstOrDefault(d => d.ContainsTag(ExifTags.DateTimeOriginal));
        var localText = ExifValues.GetString(sub, ExifTags.DateTimeOriginal)?.Trim();
        var offsetText = ExifValues.GetString(sub, ExifTags.OffsetTimeOriginal)?.Trim()
            ?? subIfds.Select(d => ExifValues.GetString(d, ExifTags.OffsetTime)?.Trim()).FirstOrDefault(s => s is not null);

        DateTime? local = null;
        if (localText is not null && DateTime.TryParseExact(localText, ExifFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            local = parsed.AddMilliseconds(SubSeconds(ExifValues.GetString(sub, ExifTags.SubSecTimeOriginal)));
        }

        var offset = ExifValues.ParseOffset(offsetText);
        if (local is not null && offset is not null)
        {
            return new(new DateTimeOffset(local.Value, offset.Value).ToUniversalTime(), ShotTimeSource.ExifOffset, localText, offsetText);
        }

        if (GpsTime(gps) is { } gpsTime)
        {
            return new(gpsTime, ShotTimeSource.Gps, localText, offsetText);
        }

        if (local is not null)
        {
            return new(new DateTimeOffset(local.Value, TimeSpan.Zero), ShotTimeSource.ExifLocal, localText, offsetText);
        }

        return fileTime is null
            ? new(null, ShotTimeSource.None, localText, offsetText)
            : new(fileTime.Value.ToUniversalTime(), ShotTimeSource.FileTime, localText, offsetText);
    }

    private static DateTimeOffset? GpsTime(GpsDirectory? gps)
    {
        var date = ExifValues.GetString(gps, ExifTags.GpsDateStamp)?.Trim();
        if (gps?.GetObject(ExifTags.GpsTimeStamp) is not Rational[] { Length: 3 } hms || hms.Any(r => r.Denominator == 0)
            || date is null || !DateTime.TryParseExact(date, "yyyy:MM:dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        var seconds = (hms[0].ToDouble() * 3600) + (hms[1].ToDouble() * 60) + hms[2].ToDouble();
        return seconds is < 0 or >= 86401 ? null : new DateTimeOffset(day, TimeSpan.Zero).AddSeconds(seconds);
    }

    private static int SubSeconds(string? text)
    {
        var digits = text?.Trim();
        if (string.IsNullOrEmpty(digits) || !digits.All(char.IsAsciiDigit))
        {
            return 0;
        }

        // "109" means .109 s, "5" means .5 s.
        var padded = digits.Length >= 3 ? digits[..3] : digits.PadRight(3, '0');
        return int.Parse(padded, CultureInfo.InvariantCulture);
    }
}
