using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Gateway.Embeddings.Images;

/// <summary>
/// Resizes 8-bit RGB(A) pixels with PIL's <c>Image.resize(..., BILINEAR)</c> algorithm, which is what the
/// Hugging Face SigLIP image processor uses: a triangle filter whose support widens with the downscale factor
/// (so a downscale averages every source pixel, i.e. it antialiases), separable, horizontal pass first,
/// 22-bit fixed-point weights and rounding to 8 bits after each pass. Output is RGB (3 bytes per pixel).
/// The arithmetic is PIL's, integer for integer; it is only vectorised (four RGBA channels per tap in the horizontal
/// pass, whole rows in the vertical pass), because the scalar loops were ~2 ms of a ~28 ms JPEG-to-tensor pipeline.
/// </summary>
internal static class BilinearResampler
{
    private const int PrecisionBits = 32 - 8 - 2;

    public static PixelBuffer Resize(PixelBuffer source, int width, int height)
    {
        var src = source;
        if (src.Width != width)
        {
            src = src.Channels == 4 ? Horizontal4(src, width) : Horizontal(src, width);
        }
        if (src.Height != height)
        {
            src = Vertical(src, height);
        }
        return src.Channels == 3 ? src : DropAlpha(src);
    }

    /// <summary>The horizontal pass on RGBA, all four channels in one vector (alpha is computed and dropped later).</summary>
    private static PixelBuffer Horizontal4(PixelBuffer src, int outWidth)
    {
        var (bounds, weights, ksize) = Coefficients(src.Width, outWidth);
        var dst = new byte[outWidth * src.Height * 4];
        var round = Vector128.Create(1 << (PrecisionBits - 1));
        var max = Vector128.Create(255);
        var taps = new Vector128<int>[weights.Length];
        for (var i = 0; i < taps.Length; i++)
        {
            taps[i] = Vector128.Create(weights[i]);
        }
        var pixels = MemoryMarshal.Cast<byte, uint>(src.Pixels.AsSpan());
        var output = MemoryMarshal.Cast<byte, uint>(dst.AsSpan());
        for (var y = 0; y < src.Height; y++)
        {
            var row = pixels.Slice(y * src.Width, src.Width);
            var outRow = output.Slice(y * outWidth, outWidth);
            for (var x = 0; x < outRow.Length; x++)
            {
                var (xmin, count) = (bounds[2 * x], bounds[(2 * x) + 1]);
                var window = row.Slice(xmin, count);
                var kernel = taps.AsSpan(x * ksize, count);
                var sum = round;
                for (var k = 0; k < window.Length; k++)
                {
                    var wide = Vector128.WidenLower(Vector128.WidenLower(Vector128.CreateScalarUnsafe(window[k]).AsByte())).AsInt32();
                    sum += wide * kernel[k];
                }
                var clipped = Vector128.Clamp(sum >> PrecisionBits, Vector128<int>.Zero, max).AsUInt32();
                outRow[x] = Vector128.Narrow(Vector128.Narrow(clipped, clipped), Vector128<ushort>.Zero).AsUInt32().ToScalar();
            }
        }
        return new PixelBuffer(dst, outWidth, src.Height, 4);
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

    /// <summary>The vertical pass: each output row is a weighted sum of a few input rows, byte by byte whatever the
    /// channel layout, accumulated in 32-bit lanes.</summary>
    private static PixelBuffer Vertical(PixelBuffer src, int outHeight)
    {
        var (bounds, weights, ksize) = Coefficients(src.Height, outHeight);
        var stride = src.Stride;
        var dst = new byte[stride * outHeight];
        var sums = new int[stride + Vector<byte>.Count];
        for (var y = 0; y < outHeight; y++)
        {
            var (ymin, count) = (bounds[2 * y], bounds[(2 * y) + 1]);
            sums.AsSpan().Fill(1 << (PrecisionBits - 1));
            for (var k = 0; k < count; k++)
            {
                MultiplyAdd(src.Pixels.AsSpan((ymin + k) * stride, stride), weights[(y * ksize) + k], sums);
            }
            Clip(sums, dst.AsSpan(y * stride, stride));
        }
        return new PixelBuffer(dst, src.Width, outHeight, src.Channels);
    }

    private static void MultiplyAdd(ReadOnlySpan<byte> row, int weight, int[] sums)
    {
        var lanes = MemoryMarshal.Cast<int, Vector<int>>(sums.AsSpan());
        var w = new Vector<int>(weight);
        var i = 0;
        for (var v = 0; i + Vector<byte>.Count <= row.Length; i += Vector<byte>.Count, v += 4)
        {
            Vector.Widen(new Vector<byte>(row[i..]), out var low, out var high);
            Vector.Widen(low, out var a, out var b);
            Vector.Widen(high, out var c, out var d);
            lanes[v] += Vector.AsVectorInt32(a) * w;
            lanes[v + 1] += Vector.AsVectorInt32(b) * w;
            lanes[v + 2] += Vector.AsVectorInt32(c) * w;
            lanes[v + 3] += Vector.AsVectorInt32(d) * w;
        }
        for (; i < row.Length; i++)
        {
            sums[i] += row[i] * weight;
        }
    }

    private static void Clip(int[] sums, Span<byte> destination)
    {
        var lanes = MemoryMarshal.Cast<int, Vector<int>>(sums.AsSpan());
        var max = new Vector<int>(255);
        var i = 0;
        for (var v = 0; i + Vector<byte>.Count <= destination.Length; i += Vector<byte>.Count, v += 4)
        {
            var a = Vector.AsVectorUInt32(Vector.Clamp(lanes[v] >> PrecisionBits, Vector<int>.Zero, max));
            var b = Vector.AsVectorUInt32(Vector.Clamp(lanes[v + 1] >> PrecisionBits, Vector<int>.Zero, max));
            var c = Vector.AsVectorUInt32(Vector.Clamp(lanes[v + 2] >> PrecisionBits, Vector<int>.Zero, max));
            var d = Vector.AsVectorUInt32(Vector.Clamp(lanes[v + 3] >> PrecisionBits, Vector<int>.Zero, max));
            Vector.Narrow(Vector.Narrow(a, b), Vector.Narrow(c, d)).CopyTo(destination[i..]);
        }
        for (; i < destination.Length; i++)
        {
            destination[i] = Clip8(sums[i]);
        }
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
