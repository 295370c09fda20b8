namespace Gateway.Embeddings.Images;

/// <summary>
/// Turns an encoded image (JPEG, PNG, WebP, GIF, BMP, HEIC/HEIF, TIFF) into the vision model's <c>pixel_values</c>:
/// decode (no larger than needed), apply EXIF orientation, squash-resize to the model size with PIL-compatible
/// antialiased bilinear filtering, rescale and normalise, NCHW float32. Thread-safe; create one per model.
/// </summary>
public sealed class ImagePreprocessor
{
    private readonly ImageDecoder _decoder;

    /// <summary>Creates a preprocessor for a model input <paramref name="spec"/>.</summary>
    public ImagePreprocessor(ImageInputSpec spec, ImageDecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        _decoder = new ImageDecoder(options ?? new ImageDecodeOptions());
    }

    /// <summary>The model input this preprocessor produces.</summary>
    public ImageInputSpec Spec { get; }

    /// <summary>Writes one image's <see cref="ImageInputSpec.TensorLength"/> floats (C, H, W) into <paramref name="destination"/>,
    /// e.g. one slot of a batch tensor. Throws <see cref="ImageDecodeException"/> for anything that does not decode.</summary>
    public void Preprocess(ReadOnlySpan<byte> encoded, string? name, Span<float> destination) =>
        PreprocessWithPath(encoded, name, destination);

    /// <summary>As <see cref="Preprocess(ReadOnlySpan{byte}, string?, Span{float})"/>, into a new array.</summary>
    public float[] Preprocess(ReadOnlySpan<byte> encoded, string? name = null)
    {
        var result = new float[Spec.TensorLength];
        Preprocess(encoded, name, result);
        return result;
    }

    /// <summary>Preprocesses on the thread pool within <see cref="ImageDecodeOptions.Timeout"/>; a decode that takes longer
    /// fails with an <see cref="ImageDecodeException"/> (the native decoder finishes in the background and its result is dropped).</summary>
    public async Task<float[]> PreprocessAsync(ReadOnlyMemory<byte> encoded, string? name = null, CancellationToken cancellationToken = default)
    {
        var work = Task.Run(() => Preprocess(encoded.Span, name), cancellationToken);
        try
        {
            return await work.WaitAsync(_decoder.Options.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            var label = name is null ? "the image" : $"image '{name}'";
            throw new ImageDecodeException($"{label} took longer than {_decoder.Options.Timeout.TotalSeconds:0.#} s to decode (Embeddings:Images:Timeout)", inner: ex);
        }
    }

    /// <summary>Like <see cref="Preprocess(ReadOnlySpan{byte}, string?, Span{float})"/>, and says which decode path ran
    /// (<c>full</c>, <c>dct WxH</c>, <c>thumbnail WxH</c>); for benchmarks and diagnostics.</summary>
    public string PreprocessWithPath(ReadOnlySpan<byte> encoded, string? name, Span<float> destination)
    {
        var size = Math.Max(Spec.Width, Spec.Height);
        var decoded = _decoder.Decode(encoded, name, size, size);
        var resized = BilinearResampler.Resize(decoded.Pixels, Spec.Width, Spec.Height);
        PixelNormalizer.ToNchw(resized, Spec, destination);
        return decoded.Path;
    }
}
