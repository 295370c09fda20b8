namespace Gateway.Embeddings.Images;

/// <summary>
/// Turns an encoded image (JPEG, PNG, WebP, GIF, BMP, HEIC/HEIF, TIFF) into the vision model's <c>pixel_values</c>:
/// decode (no larger than needed), apply EXIF orientation, squash-resize to the model size with PIL-compatible
/// antialiased bilinear filtering, rescale and normalise, NCHW float32. Thread-safe; create one per model.
/// </summary>
internal sealed class ImagePreprocessor
{
    private readonly ImageDecoder _decoder;
    private readonly TimeProvider _time;

    /// <summary>Creates a preprocessor for a model input <paramref name="spec"/>; <paramref name="timeProvider"/> runs the
    /// <see cref="ImageDecodeOptions.Timeout"/> (the system clock when null).</summary>
    public ImagePreprocessor(ImageInputSpec spec, ImageDecodeOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        _decoder = new ImageDecoder(options ?? new ImageDecodeOptions());
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The model input this preprocessor produces.</summary>
    public ImageInputSpec Spec { get; }

    /// <summary>The decoder behind this preprocessor; tests and diagnostics listen to its <see cref="ImageDecoder.RowsDecoded"/>.</summary>
    internal ImageDecoder Decoder => _decoder;

    /// <summary>Writes one image's <see cref="ImageInputSpec.TensorLength"/> floats (C, H, W) into <paramref name="destination"/>,
    /// e.g. one slot of a batch tensor. Throws <see cref="ImageDecodeException"/> for anything that does not decode, and
    /// <see cref="OperationCanceledException"/> (after the decoder has stopped) when <paramref name="cancellationToken"/> fires.</summary>
    public void Preprocess(ReadOnlySpan<byte> encoded, string? name, Span<float> destination, CancellationToken cancellationToken = default) =>
        PreprocessWithPath(encoded, name, destination, cancellationToken);

    /// <summary>As <see cref="Preprocess(ReadOnlySpan{byte}, string?, Span{float}, CancellationToken)"/>, into a new array.</summary>
    public float[] Preprocess(ReadOnlySpan<byte> encoded, string? name = null, CancellationToken cancellationToken = default)
    {
        var result = new float[Spec.TensorLength];
        Preprocess(encoded, name, result, cancellationToken);
        return result;
    }

    /// <summary>Preprocesses on the thread pool within <see cref="ImageDecodeOptions.Timeout"/>; a decode that takes longer
    /// fails with an <see cref="ImageDecodeException"/> at the timeout, and the decoder is told to stop, so that no native
    /// work keeps running for an answer nobody waits for: JPEG, BMP, PNG and GIF stop within a band of rows or a slice
    /// of input (see <see cref="SkiaBandDecoder"/>), TIFF at ImageMagick's next row; HEIC only between libheif's steps
    /// and WebP not at all once started (both bounded by MaxPixels).</summary>
    public async Task<float[]> PreprocessAsync(ReadOnlyMemory<byte> encoded, string? name = null, CancellationToken cancellationToken = default)
    {
        var timeout = _decoder.Options.Timeout;
        var timer = new CancellationTokenSource(timeout, _time);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var work = Task.Run(() => Preprocess(encoded.Span, name, stop.Token), CancellationToken.None);
        // The sources live as long as the work that watches them, which may outlast this call by one band of rows.
        _ = work.ContinueWith(static (_, s) =>
        {
            var (stop, timer) = ((CancellationTokenSource, CancellationTokenSource))s!;
            stop.Dispose();
            timer.Dispose();
        }, (stop, timer), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            return await work.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Either the wait gave up first or the decoder saw the timeout first; both mean the same to the caller.
            var label = name is null ? "the image" : $"image '{name}'";
            throw new ImageDecodeException($"{label} took longer than {timeout.TotalSeconds:0.#} s to decode (Embeddings:Images:Timeout)", inner: ex);
        }
    }

    /// <summary>Like <see cref="Preprocess(ReadOnlySpan{byte}, string?, Span{float}, CancellationToken)"/>, and says which decode
    /// path ran (<c>full</c>, <c>dct WxH</c>, <c>thumbnail WxH</c>); for benchmarks and diagnostics.</summary>
    public string PreprocessWithPath(ReadOnlySpan<byte> encoded, string? name, Span<float> destination, CancellationToken cancellationToken = default)
    {
        var size = Math.Max(Spec.Width, Spec.Height);
        var decoded = _decoder.Decode(encoded, name, size, size, cancellationToken);
        var resized = BilinearResampler.Resize(decoded.Pixels, Spec.Width, Spec.Height);
        PixelNormalizer.ToNchw(resized, Spec, destination);
        return decoded.Path;
    }
}
