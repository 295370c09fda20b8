namespace Gateway.Photos.Exif;

/// <summary>EXIF tag numbers (CIPA DC-008) read by <see cref="ExifReader"/>; spelled out so the reader does not depend on
/// which constants a MetadataExtractor version happens to expose.</summary>
internal static class ExifTags
{
    public const int ImageWidth = 0x0100;
    public const int ImageHeight = 0x0101;
    public const int Make = 0x010F;
    public const int Model = 0x0110;
    public const int Orientation = 0x0112;
    public const int DateTimeOriginal = 0x9003;
    public const int OffsetTime = 0x9010;
    public const int OffsetTimeOriginal = 0x9011;
    public const int FocalLength = 0x920A;
    public const int SubSecTimeOriginal = 0x9291;
    public const int ExifImageWidth = 0xA002;
    public const int ExifImageHeight = 0xA003;
    public const int FocalPlaneXResolution = 0xA20E;
    public const int FocalPlaneYResolution = 0xA20F;
    public const int FocalPlaneResolutionUnit = 0xA210;
    public const int FocalLengthIn35mmFilm = 0xA405;

    public const int GpsLatitudeRef = 0x0001;
    public const int GpsLatitude = 0x0002;
    public const int GpsLongitudeRef = 0x0003;
    public const int GpsLongitude = 0x0004;
    public const int GpsAltitudeRef = 0x0005;
    public const int GpsAltitude = 0x0006;
    public const int GpsTimeStamp = 0x0007;
    public const int GpsImgDirectionRef = 0x0010;
    public const int GpsImgDirection = 0x0011;
    public const int GpsDateStamp = 0x001D;
}
