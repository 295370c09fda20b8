using System.Globalization;
using Gateway.Photos.Exif;

namespace Gateway.Photos.Tests.Exif;

public sealed class ExifReaderTests
{
    public static TheoryData<string> EbcFiles()
    {
        var data = new TheoryData<string>();
        var dir = SharedData.PhotosDir is { } p ? Path.Combine(p, "ebc") : null;
        if (dir is null || !File.Exists(Path.Combine(dir, "MANIFEST.tsv")))
        {
            data.Add("(shared photos absent)");
            return data;
        }

        foreach (var name in SharedData.ReadManifest(Path.Combine(dir, "MANIFEST.tsv")).Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(EbcFiles))]
    public void Read_EbcPhoto_EqualsManifest(string file)
    {
        var dir = SharedData.RequirePhotos("ebc");
        var row = SharedData.ReadManifest(Path.Combine(dir, "MANIFEST.tsv"))[file];

        var meta = ExifReader.Read(Path.Combine(dir, file));

        Assert.Null(meta.Error);
        Assert.Equal(row["model"], meta.Model);
        Assert.Equal(row["datetime_original"], meta.DateTimeOriginal);
        Assert.Equal(row["offset"], meta.OffsetTimeOriginal);
        AssertClose(row["gps_lat"], meta.Latitude, 1e-9);
        AssertClose(row["gps_lon"], meta.Longitude, 1e-9);
        AssertClose(row["gps_alt_m"], meta.AltitudeM, 1e-5);
        AssertClose(row["img_direction_deg"], meta.DirectionDeg, 1e-6);
        AssertClose(row["focal_35mm"], meta.Focal35mm, 1e-9);
        Assert.Equal(row["orientation"] == "-" ? null : int.Parse(row["orientation"], CultureInfo.InvariantCulture), meta.Orientation);
        Assert.Equal(int.Parse(row["width"], CultureInfo.InvariantCulture), meta.Width);
        Assert.Equal(int.Parse(row["height"], CultureInfo.InvariantCulture), meta.Height);
        Assert.Equal("T", meta.DirectionRef);

        // shot_time is DateTimeOriginal shifted by its offset into UTC.
        var local = DateTime.ParseExact(row["datetime_original"], "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture);
        var expected = new DateTimeOffset(local, TimeSpan.Parse(row["offset"].TrimStart('+'), CultureInfo.InvariantCulture)).UtcDateTime;
        Assert.Equal(ShotTimeSource.ExifOffset, meta.ShotTimeSource);
        Assert.Equal(expected, meta.ShotTimeUtc!.Value.UtcDateTime.AddTicks(-(meta.ShotTimeUtc.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(TimeSpan.Zero, meta.ShotTimeUtc.Value.Offset);
    }

    [SkippableTheory]
    [InlineData("broken/zero_bytes.jpg")]
    [InlineData("broken/truncated_in_exif_Olympus_FE230.jpg")]
    public void Read_UnreadableFile_GivesErrorValueAndFileTime(string file)
    {
        var path = Path.Combine(SharedData.RequirePhotos("misc"), file);

        var meta = ExifReader.Read(path);

        Assert.False(string.IsNullOrWhiteSpace(meta.Error));
        Assert.Equal(ShotTimeSource.FileTime, meta.ShotTimeSource);
        Assert.NotNull(meta.ShotTimeUtc);
    }

    [SkippableTheory]
    [InlineData("broken/exif_gps_typeerror.jpg", 800, 531, false)]
    [InlineData("broken/invalid-exif.jpg", 200, 200, false)]
    [InlineData("broken/hopper_bad_exif.jpg", 500, 500, false)]
    [InlineData("broken/truncated_half_Sony_DSC-HX5V.jpg", 730, 547, true)]
    public void Read_DamagedExif_KeepsWhatIsReadable(string file, int width, int height, bool hasGps)
    {
        var path = Path.Combine(SharedData.RequirePhotos("misc"), file);

        var meta = ExifReader.Read(path);

        Assert.Null(meta.Error);
        Assert.Equal(width, meta.Width);
        Assert.Equal(height, meta.Height);
        Assert.Equal(hasGps, meta.HasGps);
    }

    [SkippableTheory]
    [InlineData("gps/Apple_iPhone_6_Plus.jpg", 51.482995, -3.1853367, -166.309, "T")]
    [InlineData("gps/Apple_iPhone_5.jpg", 47.6271667, -122.3373333, 3.984, "T")]
    [InlineData("gps/Sony_DSC-HX5V.jpg", 51.778615, 8.3656381, 93.3, "M")]
    public void Read_GpsSignsAndReferences_FollowRefs(string file, double lat, double lon, double alt, string directionRef)
    {
        var meta = ExifReader.Read(Path.Combine(SharedData.RequirePhotos("misc"), file));

        Assert.Equal(lat, meta.Latitude!.Value, 1e-6);
        Assert.Equal(lon, meta.Longitude!.Value, 1e-6);
        Assert.Equal(alt, meta.AltitudeM!.Value, 1e-3);
        Assert.Equal(directionRef, meta.DirectionRef);
    }

    [SkippableTheory]
    [InlineData("gps-edge/Samsung_GT-I9000_null_island.jpg")]
    [InlineData("gps-edge/Xiaomi_Redmi_Note_9S_empty_gps_ifd.jpg")]
    [InlineData("gps-edge/Nikon_D5000_altitude_only.jpg")]
    public void Read_NoUsableFix_HasNoGps(string file)
    {
        var meta = ExifReader.Read(Path.Combine(SharedData.RequirePhotos("misc"), file));

        Assert.Null(meta.Error);
        Assert.False(meta.HasGps);
    }

    [SkippableFact]
    public void Read_HeicWithExifAtEnd_ConvertsNegativeOffset()
    {
        var meta = ExifReader.Read(Path.Combine(SharedData.RequirePhotos("misc"), "heic/Apple_iPhone_11_Pro_exif_at_eof.heic"));

        // 2020:05:04 18:39:11 at -04:00 is 22:39:11 UTC.
        Assert.Equal(ShotTimeSource.ExifOffset, meta.ShotTimeSource);
        Assert.Equal(new DateTime(2020, 5, 4, 22, 39, 11, DateTimeKind.Utc), TruncateToSecond(meta.ShotTimeUtc!.Value.UtcDateTime));
        Assert.Equal(47.2071241, meta.Latitude!.Value, 1e-6);
        Assert.Equal((3024, 4032), (meta.Width, meta.Height));
    }

    [SkippableFact]
    public void Read_NoExif_FallsBackToFileTime()
    {
        var meta = ExifReader.Read(Path.Combine(SharedData.RequirePhotos("misc"), "no-exif/tree_on_hill.webp"));

        Assert.Null(meta.Error);
        Assert.Equal(ShotTimeSource.FileTime, meta.ShotTimeSource);
        Assert.Equal((1024, 772), (meta.Width, meta.Height));
    }

    private static DateTime TruncateToSecond(DateTime t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));

    private static void AssertClose(string expected, double? actual, double tolerance)
    {
        var e = double.Parse(expected, CultureInfo.InvariantCulture);
        Assert.NotNull(actual);
        Assert.InRange(actual.Value, e - tolerance, e + tolerance);
    }
}
