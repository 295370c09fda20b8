namespace Gateway.Photos.Exif;

/// <summary>Where a photo's UTC <c>shot_time</c> came from, most trustworthy first.</summary>
public enum ShotTimeSource
{
    /// <summary>No time at all (not even a file time).</summary>
    None,

    /// <summary>DateTimeOriginal with OffsetTimeOriginal (or OffsetTime): exact.</summary>
    ExifOffset,

    /// <summary>The GPS date and time stamps, which are UTC by definition.</summary>
    Gps,

    /// <summary>DateTimeOriginal without any offset, taken as UTC: may be off by the camera's time zone.</summary>
    ExifLocal,

    /// <summary>The file's last-write time: when the file was copied, not necessarily when it was shot.</summary>
    FileTime,
}
