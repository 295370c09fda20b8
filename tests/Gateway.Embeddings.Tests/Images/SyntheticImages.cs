using Gateway.Embeddings.Images;
using ImageMagick;
using SkiaSharp;

namespace Gateway.Embeddings.Tests.Images;

/// <summary>Images made by the tests themselves, encoded with SkiaSharp or Magick.NET.</summary>
internal static class SyntheticImages
{
    /// <summary>The deterministic pattern also used to produce the PIL reference hashes (see BilinearResamplerTests).</summary>
    public static PixelBuffer Pattern(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 3;
                pixels[o] = (byte)(((x * 7) + (y * 3)) % 256);
                pixels[o + 1] = (byte)(((x * x) + (y * 5)) % 256);
                pixels[o + 2] = (byte)((x ^ y) * 3 % 256);
            }
        }
        return new PixelBuffer(pixels, width, height, 3);
    }

    /// <summary>A smooth gradient with a red left half-plane; smooth so that lossy codecs keep it close.</summary>
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality = 95)
    {
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                (pixels[o], pixels[o + 1], pixels[o + 2], pixels[o + 3]) = x < width / 2
                    ? ((byte)220, (byte)(40 + (y * 100 / height)), (byte)40, (byte)255)
                    : ((byte)30, (byte)(60 + (x * 120 / width)), (byte)200, (byte)255);
            }
        }
        using var image = SKImage.FromPixelCopy(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque), pixels);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] Solid(int width, int height, MagickColor color, MagickFormat format)
    {
        using var image = new MagickImage(color, (uint)width, (uint)height);
        return image.ToByteArray(format);
    }
}
