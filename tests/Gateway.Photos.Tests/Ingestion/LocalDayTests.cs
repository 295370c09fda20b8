using Gateway.Photos.Exif;
using Gateway.Photos.Ingestion;

namespace Gateway.Photos.Tests.Ingestion;

public sealed class LocalDayTests
{
    [Theory]
    // 01:45 in Nepal (+05:45) is still the previous day in UTC: the local day is the one the grid shows.
    [InlineData("2023-10-29T20:00:00Z", "+05:45", 86.8, "2023-10-30", "+05:45")]
    [InlineData("2023-10-30T10:00:00Z", "+05:45", 86.8, "2023-10-30", "+05:45")]
    // No recorded offset: solar time from the longitude (86.8° → +05:45), and no offset_time is written.
    [InlineData("2023-10-29T20:00:00Z", null, 86.8, "2023-10-30", null)]
    [InlineData("2023-10-29T20:00:00Z", "-07:00", -120.0, "2023-10-29", "-07:00")]
    public void Of_UsesThePhotosOwnOffset(string utc, string? offset, double lon, string day, string? written)
    {
        var meta = new PhotoMetadata
        {
            ShotTimeUtc = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture),
            ShotTimeSource = offset is null ? ShotTimeSource.Gps : ShotTimeSource.ExifOffset,
            OffsetTimeOriginal = offset,
            Longitude = lon,
            Latitude = 27.9,
        };

        Assert.Equal(day, LocalDay.Of(meta));
        var recorded = LocalDay.Offset(meta) is { Recorded: true } o ? LocalDay.Format(o.Offset) : null;
        Assert.Equal(written, recorded);
    }

    [Fact]
    public void Of_CameraLocalTimeWithoutOffset_IsItsOwnDate()
    {
        var meta = new PhotoMetadata
        {
            ShotTimeUtc = new DateTimeOffset(2023, 10, 30, 1, 45, 0, TimeSpan.Zero),
            ShotTimeSource = ShotTimeSource.ExifLocal,
            DateTimeOriginal = "2023:10:30 01:45:00",
            Longitude = 86.8,
        };

        Assert.Equal("2023-10-30", LocalDay.Of(meta));
    }
}
