namespace Gateway.Embeddings.Images;

/// <summary>
/// Resizes 8-bit RGB(A) pixels with PIL's <c>Image.resize(..., BILINEAR)</c> algorithm, which is what the
/// Hugging Face SigLIP image processor uses: a triangle filter whose support widens with the downscale factor
/// (so a downscale averages every source pixel, i.e. it antialiases), separable, horizontal pass first,
/// 22-bit fixed-point weights and rounding to 8 bits after each pass. Output is RGB (3 bytes per pixel).
/// </summary>
internal static class BilinearResampler
{
    private const int PrecisionBits = 32 - 8 - 2;

    public static PixelBuffer Resize(PixelBuffer source, int width, int height)
    {
        var src = source;
        if (src.Width != width)
        {
            src = Horizontal(src, width);
        }
        if (src.Height != height)
        {
            src = Vertical(src, height);
        }
        return src.Channels == 3 ? src : DropAlpha(src);
    }

    private static PixelBuffer Horizontal(PixelBuffer src, int outWidth)
    {
        var (bounds, weights, ksize) = Coefficients(src.Width, outWidth);
        var dst = new byte[outWidth * src.Height * 3];
        var c = src.Channels;
        for (var y = 0; y < src.Height; y++)
        {
            var row = y * src.Stride;
            for (var x = 0; x < outWidth; x++)
            {
                var (xmin, count) = (bounds[2 * x], bounds[(2 * x) + 1]);
                int r = 1 << (PrecisionBits - 1), g = r, b = r;
                for (var k = 0; k < count; k++)
                {
                    var p = row + ((xmin + k) * c);
                    var wgt = weights[(x * ksize) + k];
                    r += src.Pixels[p] * wgt;
                    g += src.Pixels[p + 1] * wgt;
                    b += src.Pixels[p + 2] * wgt;
                }
                var o = ((y * outWidth) + x) * 3;
                dst[o] = Clip8(r);
                dst[o + 1] = Clip8(g);
                dst[o + 2] = Clip8(b);
            }
        }
        return new PixelBuffer(dst, outWidth, src.Height, 3);
    }

    private static PixelBuffer Vertical(PixelBuffer src, int outHeight)
    {
        var (bounds, weights, ksize) = Coefficients(src.Height, outHeight);
        var dst = new byte[src.Width * outHeight * 3];
        var c = src.Channels;
        for (var y = 0; y < outHeight; y++)
        {
            var (ymin, count) = (bounds[2 * y], bounds[(2 * y) + 1]);
            for (var x = 0; x < src.Width; x++)
            {
                int r = 1 << (PrecisionBits - 1), g = r, b = r;
                for (var k = 0; k < count; k++)
                {
                    var p = ((ymin + k) * src.Stride) + (x * c);
                    var wgt = weights[(y * ksize) + k];
                    r += src.Pixels[p] * wgt;
                    g += src.Pixels[p + 1] * wgt;
                    b += src.Pixels[p + 2] * wgt;
                }
                var o = ((y * src.Width) + x) * 3;
                dst[o] = Clip8(r);
                dst[o + 1] = Clip8(g);
                dst[o + 2] = Clip8(b);
            }
        }
        return new PixelBuffer(dst, src.Width, outHeight, 3);
    }

    /// <summary>PIL's <c>precompute_coeffs</c> + <c>normalize_coeffs_8bpc</c> for the bilinear (triangle) filter.</summary>
    internal static (int[] Bounds, int[] Weights, int KernelSize) Coefficients(int inSize, int outSize)
    {
        var scale = (double)inSize / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = 1.0 * filterScale;
        var ksize = ((int)Math.Ceiling(support) * 2) + 1;
        var bounds = new int[outSize * 2];
        var weights = new int[outSize * ksize];
        var prekk = new double[ksize];
        for (var xx = 0; xx < outSize; xx++)
        {
            var center = (xx + 0.5) * scale;
            var ss = 1.0 / filterScale;
            var xmin = Math.Max((int)(center - support + 0.5), 0);
            var xmax = Math.Min((int)(center + support + 0.5), inSize) - xmin;
            var total = 0.0;
            for (var x = 0; x < xmax; x++)
            {
                var t = Math.Abs((x + xmin - center + 0.5) * ss);
                prekk[x] = t < 1.0 ? 1.0 - t : 0.0;
                total += prekk[x];
            }
            for (var x = 0; x < xmax; x++)
            {
                var w = total != 0.0 ? prekk[x] / total : prekk[x];
                weights[(xx * ksize) + x] = w < 0 ? (int)(-0.5 + (w * (1 << PrecisionBits))) : (int)(0.5 + (w * (1 << PrecisionBits)));
            }
            bounds[2 * xx] = xmin;
            bounds[(2 * xx) + 1] = xmax;
        }
        return (bounds, weights, ksize);
    }

    private static byte Clip8(int value)
    {
        var v = value >> PrecisionBits;
        return (byte)Math.Clamp(v, 0, 255);
    }

    private static PixelBuffer DropAlpha(PixelBuffer src)
    {
        var dst = new byte[src.Width * src.Height * 3];
        for (int i = 0, o = 0; o < dst.Length; i += src.Channels, o += 3)
        {
            dst[o] = src.Pixels[i];
            dst[o + 1] = src.Pixels[i + 1];
            dst[o + 2] = src.Pixels[i + 2];
        }
        return new PixelBuffer(dst, src.Width, src.Height, 3);
    }
}
