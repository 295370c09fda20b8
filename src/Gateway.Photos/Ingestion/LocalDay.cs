using System.Globalization;
using Gateway.Photos.Exif;

namespace Gateway.Photos.Ingestion;

/// <summary>
/// The photo's own local time zone and calendar day, so that a date filter matches the day the grid shows (a photo taken
/// at 02:00 in Nepal, +05:45, is on the previous day in UTC). The offset is the one the camera recorded
/// (OffsetTimeOriginal), else solar time from the longitude rounded to 15 minutes (what the page shows with "≈").
/// </summary>
public static class LocalDay
{
    /// <summary>The photo's UTC offset and whether the camera recorded it; null without a recorded offset or a longitude.</summary>
    public static (TimeSpan Offset, bool Recorded)? Offset(PhotoMetadata meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        if (ExifValues.ParseOffset(meta.OffsetTimeOriginal) is { } recorded)
        {
            return (recorded, true);
        }

        return meta.Longitude is { } lon ? (TimeSpan.FromMinutes(Math.Round(lon / 15 * 4) * 15), false) : null;
    }

    /// <summary>The local calendar day (<c>yyyy-MM-dd</c>) the photo was taken on, or null without a shot time.</summary>
    public static string? Of(PhotoMetadata meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        if (meta.ShotTimeSource == ShotTimeSource.ExifLocal && meta.DateTimeOriginal is { Length: >= 10 } local)
        {
            // The camera's clock is local time already (no offset recorded): its date is the day.
            return local[..10].Replace(':', '-');
        }

        if (meta.ShotTimeUtc is not { } utc)
        {
            return null;
        }

        var shifted = Offset(meta) is { } offset ? utc.ToOffset(offset.Offset) : utc;
        return shifted.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary><c>+05:45</c> style.</summary>
    public static string Format(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
