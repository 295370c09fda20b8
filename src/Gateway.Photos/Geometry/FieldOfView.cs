namespace Gateway.Photos.Geometry;

/// <summary>The horizontal angle of view of a photo from its 35 mm-equivalent focal length and how it is displayed.</summary>
public static class FieldOfView
{
    // A 35 mm-equivalent focal length is defined by the frame diagonal (43.27 mm for 36 x 24 mm), so a
    // 4:3 phone photo is 34.6 mm wide, not 36 mm: using the photo's own aspect ratio gets the width right.
    private const double FullFrameDiagonalMm = 43.266615305567875;

    /// <summary>
    /// Horizontal angle of view in degrees: 2·atan(w / 2f), where w is the width of the displayed frame on a 35 mm
    /// equivalent sensor with the photo's aspect ratio (36 mm for a 3:2 landscape, 24 mm for a 3:2 portrait).
    /// </summary>
    /// <param name="focal35mm">35 mm-equivalent focal length in mm (must be positive).</param>
    /// <param name="orientation">EXIF orientation; 5-8 turn the stored image by 90°.</param>
    /// <param name="width">Stored pixel width, if known (the aspect ratio defaults to 3:2 landscape).</param>
    /// <param name="height">Stored pixel height, if known.</param>
    public static double HorizontalDeg(double focal35mm, int? orientation = null, int? width = null, int? height = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(focal35mm);
        var displayedPortrait = IsDisplayedPortrait(orientation, width, height);
        var aspect = width is > 0 && height is > 0 ? Math.Max(width.Value, height.Value) / (double)Math.Min(width.Value, height.Value) : 1.5;
        var longSide = FullFrameDiagonalMm * aspect / Math.Sqrt((aspect * aspect) + 1);
        var shortSide = longSide / aspect;
        var frameWidth = displayedPortrait ? shortSide : longSide;
        return 2 * Math.Atan(frameWidth / (2 * focal35mm)) * 180 / Math.PI;
    }

    /// <summary>True when the photo, once its EXIF orientation is applied, is taller than wide.</summary>
    public static bool IsDisplayedPortrait(int? orientation, int? width, int? height)
    {
        var storedPortrait = width is > 0 && height is > 0 && height > width;
        var rotated = orientation is >= 5 and <= 8;
        return storedPortrait ^ rotated;
    }
}
