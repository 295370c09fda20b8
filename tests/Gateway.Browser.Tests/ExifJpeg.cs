using ImageMagick;

namespace Gateway.Browser.Tests;

/// <summary>Adds the EXIF a phone writes (GPS position, DateTimeOriginal with its offset, camera) to a JPEG.</summary>
internal static class ExifJpeg
{
    public static byte[] With(byte[] jpeg, double lat, double lon, DateTime local, string offset)
    {
        using var image = new MagickImage(jpeg);
        var profile = new ExifProfile();
        profile.SetValue(ExifTag.GPSLatitudeRef, lat >= 0 ? "N" : "S");
        profile.SetValue(ExifTag.GPSLatitude, Dms(Math.Abs(lat)));
        profile.SetValue(ExifTag.GPSLongitudeRef, lon >= 0 ? "E" : "W");
        profile.SetValue(ExifTag.GPSLongitude, Dms(Math.Abs(lon)));
        profile.SetValue(ExifTag.DateTimeOriginal, local.ToString("yyyy:MM:dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        profile.SetValue(ExifTag.OffsetTimeOriginal, offset);
        profile.SetValue(ExifTag.Make, "TestCam");
        profile.SetValue(ExifTag.Model, "Colour 1");
        image.SetProfile(profile);
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    private static Rational[] Dms(double value)
    {
        var degrees = Math.Floor(value);
        var minutes = Math.Floor((value - degrees) * 60);
        var seconds = (value - degrees - (minutes / 60)) * 3600;
        return [new Rational((uint)degrees, 1), new Rational((uint)minutes, 1), new Rational((uint)Math.Round(seconds * 1000), 1000)];
    }
}
