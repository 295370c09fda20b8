namespace Gateway.Embeddings.Images;

/// <summary>Turns RGB bytes into the model's NCHW float32 layout: <c>(v * rescale - mean[c]) / std[c]</c>.</summary>
internal static class PixelNormalizer
{
    public static void ToNchw(PixelBuffer rgb, ImageInputSpec spec, Span<float> destination)
    {
        var plane = rgb.Width * rgb.Height;
        if (destination.Length < 3 * plane)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats, {3 * plane} needed", nameof(destination));
        }
        // Precompute the 256 possible values once per channel instead of a multiply-add per pixel.
        Span<float> table = stackalloc float[256];
        for (var c = 0; c < 3; c++)
        {
            for (var v = 0; v < 256; v++)
            {
                table[v] = ((v * spec.RescaleFactor) - spec.Mean[c]) / spec.Std[c];
            }
            var target = destination.Slice(c * plane, plane);
            var pixels = rgb.Pixels;
            for (int i = 0, p = c; i < plane; i++, p += rgb.Channels)
            {
                target[i] = table[pixels[p]];
            }
        }
    }
}
