namespace Gateway.Embeddings.Images;

/// <summary>
/// Applies an EXIF orientation (1-8) to stored pixels so that the result is upright, as PIL's
/// <c>ImageOps.exif_transpose</c> does. Values outside 1-8 (0 is common) are treated as 1.
/// </summary>
internal static class ExifOrientation
{
    public static bool SwapsAxes(int orientation) => orientation is >= 5 and <= 8;

    public static PixelBuffer Apply(PixelBuffer source, int orientation)
    {
        if (orientation is < 2 or > 8)
        {
            return source;
        }
        var (w, h, c) = (source.Width, source.Height, source.Channels);
        var outW = SwapsAxes(orientation) ? h : w;
        var outH = SwapsAxes(orientation) ? w : h;
        var src = source.Pixels;
        var dst = new byte[src.Length];
        for (var oy = 0; oy < outH; oy++)
        {
            for (var ox = 0; ox < outW; ox++)
            {
                // For each output pixel, the stored pixel it comes from.
                var (ix, iy) = orientation switch
                {
                    2 => (w - 1 - ox, oy),
                    3 => (w - 1 - ox, h - 1 - oy),
                    4 => (ox, h - 1 - oy),
                    5 => (oy, ox),
                    6 => (oy, h - 1 - ox),
                    7 => (w - 1 - oy, h - 1 - ox),
                    _ => (w - 1 - oy, ox),
                };
                Buffer.BlockCopy(src, ((iy * w) + ix) * c, dst, ((oy * outW) + ox) * c, c);
            }
        }
        return new PixelBuffer(dst, outW, outH, c);
    }
}
