using Gateway.Embeddings;
using Gateway.Embeddings.Images;
using SkiaSharp;

namespace Gateway.PhotoFiles.Thumbnails;

/// <summary>
/// Server-side thumbnails: the embeddings library's <see cref="FittedImageReader"/> decodes (reduced where possible,
/// EXIF orientation applied) and fits the image inside a square box keeping the aspect ratio (never enlarging); this
/// encodes it as JPEG or WebP. Thread-safe.
/// </summary>
internal sealed class ImageThumbnailer(ImageDecodeOptions? options = null)
{
    private readonly FittedImageReader _reader = new(options);

    /// <summary>Encodes a thumbnail whose longer side is at most <paramref name="maxEdge"/> pixels.
    /// Throws <see cref="ImageDecodeException"/> for anything that does not decode.</summary>
    public byte[] Create(ReadOnlySpan<byte> encoded, string? name, int maxEdge, ThumbnailFormat format = ThumbnailFormat.Jpeg, int quality = 80)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEdge, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        var rgb = _reader.Read(encoded, name, maxEdge);
        var (width, height) = (rgb.Width, rgb.Height);
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
