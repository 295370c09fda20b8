using SkiaSharp;

namespace Gateway.TestModels;

/// <summary>Encoded test images for the colour models.</summary>
public static class TestImages
{
    /// <summary>A PNG filled with <paramref name="color"/>.</summary>
    public static byte[] SolidPng(TestColor color, int width = 80, int height = 60) => Encode(color, null, width, height, SKEncodedImageFormat.Png);

    /// <summary>A JPEG filled with <paramref name="color"/>.</summary>
    public static byte[] SolidJpeg(TestColor color, int width = 80, int height = 60) => Encode(color, null, width, height, SKEncodedImageFormat.Jpeg);

    /// <summary>A JPEG mostly of <paramref name="dominant"/> with a band of <paramref name="accent"/> (a quarter of the height).</summary>
    public static byte[] DominantJpeg(TestColor dominant, TestColor accent, int width = 96, int height = 64) =>
        Encode(dominant, accent, width, height, SKEncodedImageFormat.Jpeg);

    private static byte[] Encode(TestColor main, TestColor? accent, int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(main.R, main.G, main.B));
            if (accent is not null)
            {
                using var paint = new SKPaint { Color = new SKColor(accent.R, accent.G, accent.B) };
                canvas.DrawRect(0, 0, width, height / 4f, paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 95);
        return data.ToArray();
    }
}
