namespace Gateway.Embeddings.Images;

/// <summary>
/// What the vision model expects, as read from the model's <c>preprocessor_config.json</c>: an RGB image
/// squash-resized to <see cref="Width"/> × <see cref="Height"/>, each value <c>(v * RescaleFactor - Mean[c]) / Std[c]</c>,
/// laid out NCHW as float32.
/// </summary>
/// <param name="Width">Model input width in pixels.</param>
/// <param name="Height">Model input height in pixels.</param>
/// <param name="Mean">Per-channel mean (R, G, B).</param>
/// <param name="Std">Per-channel standard deviation (R, G, B).</param>
/// <param name="RescaleFactor">Factor applied to 8-bit values before normalisation (1/255).</param>
internal sealed record ImageInputSpec(int Width, int Height, IReadOnlyList<float> Mean, IReadOnlyList<float> Std, float RescaleFactor)
{
    /// <summary>SigLIP-2 at 224: mean 0.5, std 0.5, rescale 1/255, i.e. values in [-1, 1].</summary>
    public static ImageInputSpec Siglip224 { get; } = Square(224);

    /// <summary>The SigLIP normalisation (mean 0.5, std 0.5, rescale 1/255) at a square size.</summary>
    public static ImageInputSpec Square(int size) => new(size, size, [0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f], 1f / 255f);

    /// <summary>Number of floats one image occupies in the <c>pixel_values</c> tensor (3 × H × W).</summary>
    public int TensorLength => 3 * Width * Height;
}
