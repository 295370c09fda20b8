using ImageMagick;

namespace Gateway.Embeddings.Images;

/// <summary>
/// HEIC/HEIF (and TIFF) through Magick.NET. The format is always named explicitly so that ImageMagick never
/// guesses a coder from the content. For HEIF, libheif applies the items' <c>irot</c>/<c>imir</c> transforms
/// itself (and ImageMagick then resets the EXIF orientation to 1), so no EXIF orientation is applied on top.
/// Cancellation is checked before decoding and through ImageMagick's progress monitor, which its coders call row by
/// row (TIFF) or after the codec's own decode (HEIC: libheif's HEVC decode of the whole picture is one call that
/// ImageMagick gives no way to interrupt; the thumbnail fast path keeps it short for iPhone photos).
/// </summary>
internal static class MagickImageReader
{
    public static DecodedImage ReadHeif(ReadOnlySpan<byte> data, string label, ImageDecodeOptions options, int minShortEdge, int minLongEdge,
        CancellationToken cancellationToken)
    {
        var container = HeifContainer.TryParse(data);
        var settings = new MagickReadSettings { Format = MagickFormat.Heic, FrameIndex = 0, FrameCount = 1 };
        byte[] bytes;
        var path = "full";
        if (container?.SizeOf(container.PrimaryId) is { } size)
        {
            DecodeLimits.CheckPixels(label, size.Width, size.Height, options);
        }
        if (options.FastPaths && container?.FindThumbnail(minShortEdge, minLongEdge) is { } thumbnail)
        {
            bytes = container.WithPrimary(data, thumbnail);
            var t = container.SizeOf(thumbnail)!.Value;
            path = $"thumbnail {t.Width}x{t.Height}";
        }
        else
        {
            bytes = data.ToArray();
            if (container?.SizeOf(container.PrimaryId) is null)
            {
                Ping(bytes, settings, label, options);
            }
        }
        using var image = Read(bytes, settings, cancellationToken);
        return new DecodedImage(ToPixels(image), 1, path);
    }

    public static DecodedImage ReadTiff(ReadOnlySpan<byte> data, string label, ImageDecodeOptions options, CancellationToken cancellationToken)
    {
        var bytes = data.ToArray();
        var settings = new MagickReadSettings { Format = MagickFormat.Tiff, FrameIndex = 0, FrameCount = 1 };
        Ping(bytes, settings, label, options);
        using var image = Read(bytes, settings, cancellationToken);
        image.AutoOrient();
        return new DecodedImage(ToPixels(image), 1, "full");
    }

    private static MagickImage Read(byte[] bytes, MagickReadSettings settings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var image = new MagickImage();
        try
        {
            // Cancelling the progress event makes the coder stop and the read throw; ImageDecoder turns that into
            // OperationCanceledException.
            image.Progress += (_, e) => e.Cancel = cancellationToken.IsCancellationRequested;
            image.Read(bytes, settings);
            cancellationToken.ThrowIfCancellationRequested();
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    private static void Ping(byte[] bytes, MagickReadSettings settings, string label, ImageDecodeOptions options)
    {
        var info = new MagickImageInfo(bytes, settings);
        DecodeLimits.CheckPixels(label, info.Width, info.Height, options);
    }

    private static PixelBuffer ToPixels(MagickImage image)
    {
        if (image.ColorSpace != ColorSpace.sRGB)
        {
            image.ColorSpace = ColorSpace.sRGB;
        }
        using var pixels = image.GetPixelsUnsafe();
        var bytes = pixels.ToByteArray(PixelMapping.RGB) ?? throw new InvalidOperationException("Magick.NET returned no pixels");
        return new PixelBuffer(bytes, (int)image.Width, (int)image.Height, 3);
    }
}
