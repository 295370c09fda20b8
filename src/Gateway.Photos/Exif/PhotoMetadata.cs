namespace Gateway.Photos.Exif;

/// <summary>What ingestion reads from a photo's metadata. Every field is optional: cameras write what they write.</summary>
public sealed record PhotoMetadata
{
    /// <summary>Latitude in decimal degrees, negative south; null when absent or the 0,0 "no fix" marker.</summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude in decimal degrees, negative west.</summary>
    public double? Longitude { get; init; }

    /// <summary>Altitude in metres, negative below sea level (GPSAltitudeRef = 1).</summary>
    public double? AltitudeM { get; init; }

    /// <summary>GPSImgDirection: the compass direction the camera faced, degrees in [0, 360).</summary>
    public double? DirectionDeg { get; init; }

    /// <summary>GPSImgDirectionRef: <c>T</c> (true north) or <c>M</c> (magnetic north).</summary>
    public string? DirectionRef { get; init; }

    /// <summary>The moment the photo was taken, in UTC.</summary>
    public DateTimeOffset? ShotTimeUtc { get; init; }

    /// <summary>Which source <see cref="ShotTimeUtc"/> came from.</summary>
    public ShotTimeSource ShotTimeSource { get; init; }

    /// <summary>The camera's local DateTimeOriginal as written (<c>yyyy:MM:dd HH:mm:ss</c>).</summary>
    public string? DateTimeOriginal { get; init; }

    /// <summary>OffsetTimeOriginal as written, e.g. <c>+05:45</c>.</summary>
    public string? OffsetTimeOriginal { get; init; }

    /// <summary>Camera make (IFD0 Make).</summary>
    public string? Make { get; init; }

    /// <summary>Camera model (IFD0 Model).</summary>
    public string? Model { get; init; }

    /// <summary>35 mm-equivalent focal length in mm.</summary>
    public double? Focal35mm { get; init; }

    /// <summary>True when <see cref="Focal35mm"/> was derived from the focal length and the sensor size rather than read.</summary>
    public bool Focal35mmDerived { get; init; }

    /// <summary>EXIF orientation as written (1-8; 0 and other values are invalid and mean "as stored").</summary>
    public int? Orientation { get; init; }

    /// <summary>Stored pixel width (before orientation), as exiftool reports it.</summary>
    public int? Width { get; init; }

    /// <summary>Stored pixel height (before orientation).</summary>
    public int? Height { get; init; }

    /// <summary>Why the metadata could not be read at all; null when it could (possibly with <see cref="Warnings"/>).</summary>
    public string? Error { get; init; }

    /// <summary>Problems found in parts of the metadata that were skipped.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>True when the photo has a usable position.</summary>
    public bool HasGps => Latitude is not null && Longitude is not null;
}
