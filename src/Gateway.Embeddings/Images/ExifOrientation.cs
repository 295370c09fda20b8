using System.Runtime.InteropServices;

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
        // Stored pixel index = start + ox * dx + oy * dy for output pixel (ox, oy): one add per pixel instead of a
        // switch and a block copy.
        var (start, dx, dy) = orientation switch
        {
            2 => (w - 1, -1, w),
            3 => ((w * h) - 1, -1, -w),
            4 => (w * (h - 1), 1, -w),
            5 => (0, w, 1),
            6 => (w * (h - 1), -w, 1),
            7 => ((w * h) - 1, -w, -1),
            _ => (w - 1, w, -1),
        };
        var dst = new byte[source.Pixels.Length];
        if (c == 4)
        {
            Remap(MemoryMarshal.Cast<byte, uint>(source.Pixels.AsSpan()), MemoryMarshal.Cast<byte, uint>(dst.AsSpan()), outW, outH, start, dx, dy);
        }
        else
        {
            for (var ch = 0; ch < c; ch++)
            {
                for (var oy = 0; oy < outH; oy++)
                {
                    for (int ox = 0, s = start + (oy * dy), o = ((oy * outW) * c) + ch; ox < outW; ox++, s += dx, o += c)
                    {
                        dst[o] = source.Pixels[(s * c) + ch];
                    }
                }
            }
        }
        return new PixelBuffer(dst, outW, outH, c);
    }

    private static void Remap(ReadOnlySpan<uint> src, Span<uint> dst, int outW, int outH, int start, int dx, int dy)
    {
        for (var oy = 0; oy < outH; oy++)
        {
            var row = dst.Slice(oy * outW, outW);
            for (int ox = 0, s = start + (oy * dy); ox < row.Length; ox++, s += dx)
            {
                row[ox] = src[s];
            }
        }
    }
}
