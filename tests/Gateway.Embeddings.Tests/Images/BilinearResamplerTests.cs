using System.Security.Cryptography;
using Gateway.Embeddings.Images;
using Xunit.Abstractions;

namespace Gateway.Embeddings.Tests.Images;

public sealed class BilinearResamplerTests(ITestOutputHelper output)
{
    // SHA-256 of PIL 9.4 `Image.resize((w, h), Image.BILINEAR).tobytes()` on SyntheticImages.Pattern, computed with
    // python3-pil: im.putdata([((x*7+y*3)%256, (x*x+y*5)%256, ((x^y)*3)%256) ...]).
    [Theory]
    [InlineData(97, 61, 24, 24, "e736b9e33a9e7a6876842e534d6a486f778e06df3fb3d227516637998ce0b283")]
    [InlineData(97, 61, 150, 40, "18984321a312d8c56eb8eebc7343dd7a0c401c6634533c8c8fd7a9db826c2bf9")]
    [InlineData(640, 480, 224, 224, "5b5ab16a92f4052cea0909d36ab99bfcb6309c255259e20f21a9c7ec793a5442")]
    [InlineData(504, 378, 224, 224, "a894858007cd4d7a9e27ef73c482f586f078db97dffcf848b15864ccda6e4993")]
    [InlineData(31, 17, 224, 224, "870a4e75c6a969e3e05068b419e40fa42033ecdd060babff882e6930b51d8191")]
    public void Resize_MatchesPilBilinearBitForBit(int width, int height, int outWidth, int outHeight, string pilSha256)
    {
        var resized = BilinearResampler.Resize(SyntheticImages.Pattern(width, height), outWidth, outHeight);

        Assert.Equal((outWidth, outHeight, 3), (resized.Width, resized.Height, resized.Channels));
        Assert.Equal(pilSha256, Convert.ToHexStringLower(SHA256.HashData(resized.Pixels)));
    }

    [Theory]
    [InlineData(97, 61, 24, 24, "e736b9e33a9e7a6876842e534d6a486f778e06df3fb3d227516637998ce0b283")]
    [InlineData(97, 61, 150, 40, "18984321a312d8c56eb8eebc7343dd7a0c401c6634533c8c8fd7a9db826c2bf9")]
    [InlineData(504, 378, 224, 224, "a894858007cd4d7a9e27ef73c482f586f078db97dffcf848b15864ccda6e4993")]
    [InlineData(31, 17, 224, 224, "870a4e75c6a969e3e05068b419e40fa42033ecdd060babff882e6930b51d8191")]
    public void Resize_OfRgbaInputMatchesPilOnItsRgbAndDropsAlpha(int width, int height, int outWidth, int outHeight, string pilSha256)
    {
        // RGBA goes through the vectorised four-channel pass; a varying alpha must not leak into R, G or B.
        var rgb = SyntheticImages.Pattern(width, height);
        var rgba = new byte[width * height * 4];
        for (int i = 0, o = 0; i < rgb.Pixels.Length; i += 3, o += 4)
        {
            (rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]) = (rgb.Pixels[i], rgb.Pixels[i + 1], rgb.Pixels[i + 2], (byte)(o * 13));
        }

        var fromRgba = BilinearResampler.Resize(new PixelBuffer(rgba, width, height, 4), outWidth, outHeight);

        Assert.Equal((outWidth, outHeight, 3), (fromRgba.Width, fromRgba.Height, fromRgba.Channels));
        Assert.Equal(pilSha256, Convert.ToHexStringLower(SHA256.HashData(fromRgba.Pixels)));
    }

    [Fact]
    public void Resize_StaysWithinOneLevelOfAStraightforwardFloatReference()
    {
        var source = SyntheticImages.Pattern(504, 378);
        var ours = BilinearResampler.Resize(source, 224, 224);
        var reference = ReferenceTriangle(source, 224, 224, antialias: true);
        var naive = ReferenceTriangle(source, 224, 224, antialias: false);

        var (maxRef, meanRef) = Diff(ours.Pixels, reference);
        var (maxNaive, meanNaive) = Diff(ours.Pixels, naive);
        output.WriteLine($"vs float reference (same filter): max {maxRef:0.00}, mean {meanRef:0.000} levels");
        output.WriteLine($"vs 2x2 bilinear without antialiasing: max {maxNaive:0.00}, mean {meanNaive:0.000} levels");

        // Fixed-point weights and two roundings to 8 bits cost at most one level.
        Assert.True(maxRef <= 1.0, $"max difference {maxRef}");
        // The point of the widened support: a 2-tap bilinear samples a different picture on this high-frequency pattern.
        Assert.True(meanNaive > 10 * Math.Max(meanRef, 0.01), $"naive {meanNaive} vs reference {meanRef}");
    }

    /// <summary>Direct 2-D evaluation in doubles: triangle filter, support 1 × scale when antialiasing, otherwise 1.</summary>
    private static double[] ReferenceTriangle(PixelBuffer src, int outW, int outH, bool antialias)
    {
        var result = new double[outW * outH * 3];
        var sx = (double)src.Width / outW;
        var sy = (double)src.Height / outH;
        var fx = antialias ? Math.Max(sx, 1) : 1;
        var fy = antialias ? Math.Max(sy, 1) : 1;
        for (var y = 0; y < outH; y++)
        {
            var cy = (y + 0.5) * sy;
            for (var x = 0; x < outW; x++)
            {
                var cx = (x + 0.5) * sx;
                double r = 0, g = 0, b = 0, total = 0;
                for (var j = Math.Max(0, (int)(cy - fy) - 1); j < Math.Min(src.Height, (int)(cy + fy) + 2); j++)
                {
                    var wy = Math.Max(0, 1 - Math.Abs((j + 0.5 - cy) / fy));
                    for (var i = Math.Max(0, (int)(cx - fx) - 1); i < Math.Min(src.Width, (int)(cx + fx) + 2); i++)
                    {
                        var w = wy * Math.Max(0, 1 - Math.Abs((i + 0.5 - cx) / fx));
                        var p = ((j * src.Width) + i) * 3;
                        r += w * src.Pixels[p];
                        g += w * src.Pixels[p + 1];
                        b += w * src.Pixels[p + 2];
                        total += w;
                    }
                }
                var o = ((y * outW) + x) * 3;
                (result[o], result[o + 1], result[o + 2]) = (r / total, g / total, b / total);
            }
        }
        return result;
    }

    private static (double Max, double Mean) Diff(byte[] ours, double[] reference)
    {
        double max = 0, sum = 0;
        for (var i = 0; i < ours.Length; i++)
        {
            var d = Math.Abs(ours[i] - reference[i]);
            max = Math.Max(max, d);
            sum += d;
        }
        return (max, sum / ours.Length);
    }
}
