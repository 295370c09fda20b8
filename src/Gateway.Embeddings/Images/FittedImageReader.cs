namespace Gateway.Embeddings.Images;

/// <summary>
/// Decodes an image for display: reduced while decoding where the format allows, EXIF orientation applied, then fitted
/// inside a square box keeping the aspect ratio (never enlarged) with the same PIL-exact bilinear resize the towers'
/// preprocessing uses. The host's thumbnailer encodes what this returns. Thread-safe.
/// </summary>
public sealed class FittedImageReader(ImageDecodeOptions? options = null)
{
    private readonly ImageDecoder _decoder = new(options ?? new ImageDecodeOptions());

    /// <summary>The upright image, its longer side at most <paramref name="maxEdge"/> pixels.
    /// Throws <see cref="ImageDecodeException"/> for anything that does not decode.</summary>
    public RgbImage Read(ReadOnlySpan<byte> encoded, string? name, int maxEdge)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEdge, 1);
        var decoded = _decoder.Decode(encoded, name, 1, maxEdge).Pixels;
        var scale = Math.Min(1.0, (double)maxEdge / Math.Max(decoded.Width, decoded.Height));
        var width = Math.Max(1, (int)Math.Round(decoded.Width * scale));
        var height = Math.Max(1, (int)Math.Round(decoded.Height * scale));
        var rgb = BilinearResampler.Resize(decoded, width, height);
        return new RgbImage(rgb.Pixels, width, height);
    }
}
