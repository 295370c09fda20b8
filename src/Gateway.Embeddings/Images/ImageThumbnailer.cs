using SkiaSharp;

namespace Gateway.Embeddings.Images;

/// <summary>
/// Server-side thumbnails for the UI: decode (reduced where possible), apply EXIF orientation, fit inside a
/// square box keeping the aspect ratio (never enlarging), encode as JPEG or WebP. Thread-safe.
/// </summary>
public sealed class ImageThumbnailer(ImageDecodeOptions? options = null)
{
    private readonly ImageDecoder _decoder = new(options ?? new ImageDecodeOptions());

    /// <summary>Encodes a thumbnail whose longer side is at most <paramref name="maxEdge"/> pixels.
    /// Throws <see cref="ImageDecodeException"/> for anything that does not decode.</summary>
    public byte[] Create(ReadOnlySpan<byte> encoded, string? name, int maxEdge, ThumbnailFormat format = ThumbnailFormat.Jpeg, int quality = 80)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEdge, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        var decoded = _decoder.Decode(encoded, name, 1, maxEdge).Pixels;
        var scale = Math.Min(1.0, (double)maxEdge / Math.Max(decoded.Width, decoded.Height));
        var width = Math.Max(1, (int)Math.Round(decoded.Width * scale));
        var height = Math.Max(1, (int)Math.Round(decoded.Height * scale));
        var rgb = BilinearResampler.Resize(decoded, width, height);
        var rgba = new byte[width * height * 4];
        for (int i = 0, o = 0; i < rgb.Pixels.Length; i += 3, o += 4)
        {
            rgba[o] = rgb.Pixels[i];
            rgba[o + 1] = rgb.Pixels[i + 1];
            rgba[o + 2] = rgb.Pixels[i + 2];
            rgba[o + 3] = 255;
        }
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var image = SKImage.FromPixelCopy(info, rgba);
        using var data = image.Encode(format == ThumbnailFormat.WebP ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
