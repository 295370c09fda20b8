using SkiaSharp;

namespace Gateway.Embeddings.Images;

/// <summary>JPEG, PNG, WebP, GIF (first frame) and BMP through SkiaSharp, with DCT-scaled JPEG decoding
/// (in parallel strips where the file's restart markers allow, see <see cref="JpegRestartSplitter"/>) and PNGs larger than
/// needed shrunk row by row while they decode (<see cref="PngStreamReader"/>). Decoding goes
/// band by band (<see cref="SkiaBandDecoder"/>) so that a cancelled decode stops.</summary>
internal static class SkiaImageReader
{
    private const long ParallelFromPixels = 4_000_000;

    public static DecodedImage Read(ReadOnlySpan<byte> data, string label, ImageFormat format, ImageDecodeOptions options, int minShortEdge, int minLongEdge,
        CancellationToken cancellationToken, Action<int>? onRows = null)
    {
        // PNG and GIF decode incrementally from a metered stream (see SkiaBandDecoder); the rest from memory, which is
        // also what lets libjpeg-turbo read the whole scan without refilling a buffer.
        var bytes = format is ImageFormat.Png or ImageFormat.Gif ? data.ToArray() : null;
        var metered = bytes is null ? null : new MeteredStream(bytes);
        using var skData = metered is null ? SKData.CreateCopy(data) : null;
        // The codec takes ownership of the stream.
        using var codec = skData is not null ? SKCodec.Create(new SKMemoryStream(skData), out var created)
            : SKCodec.Create(new SKManagedStream(metered, disposeManagedStream: true), out created);
        if (codec is null)
        {
            throw new ImageDecodeException($"{label} could not be decoded as {format}: {Describe(created)}");
        }
        var info = codec.Info;
        DecodeLimits.CheckPixels(label, info.Width, info.Height, options);
        var (width, height) = (info.Width, info.Height);
        var scale = 1.0;
        var path = "full";
        if (options.FastPaths && format == ImageFormat.Png && BoxDownscaler.FactorFor(width, height, minShortEdge, minLongEdge) is > 1 and var factor
            && PngStreamReader.Read(bytes!, label, factor, cancellationToken, onRows) is { } shrunk)
        {
            // Shrunk while decoding: a large PNG never exists at full size (see PngStreamReader).
            return new DecodedImage(shrunk, (int)codec.EncodedOrigin, $"png rows 1/{factor} {shrunk.Width}x{shrunk.Height}");
        }

        if (options.FastPaths && format == ImageFormat.Jpeg)
        {
            scale = Math.Max((double)minShortEdge / Math.Min(width, height), (double)minLongEdge / Math.Max(width, height));
            if (scale < 1.0)
            {
                // libjpeg-turbo decodes at n/8 by skipping IDCT work; Skia rounds the scale up so the result is at least what we asked.
                var scaled = codec.GetScaledDimensions((float)scale);
                if (Math.Min(scaled.Width, scaled.Height) >= minShortEdge && Math.Max(scaled.Width, scaled.Height) >= minLongEdge)
                {
                    (width, height) = (scaled.Width, scaled.Height);
                    path = width == info.Width ? "full" : $"dct {width}x{height}";
                }
            }
        }
        if ((long)width * height > options.MaxFullDecodePixels)
        {
            throw new ImageDecodeException(
                $"{label} is {info.Width}x{info.Height}; as {format} it can only be decoded at full size, over the limit of {options.MaxFullDecodePixels} pixels (Embeddings:Images:MaxFullDecodePixels)",
                tooLarge: true);
        }

        var pixels = new byte[checked(width * height * 4)];
        if (format == ImageFormat.Jpeg && options.FastPaths && options.ParallelJpeg && Environment.ProcessorCount > 1 && (long)info.Width * info.Height >= ParallelFromPixels
            && DecodeStrips(data, (float)Math.Min(scale, 1.0), width, height, pixels, cancellationToken, onRows))
        {
            return new DecodedImage(new PixelBuffer(pixels, width, height, 4), (int)codec.EncodedOrigin, path + " parallel");
        }
        var result = SkiaBandDecoder.Decode(codec, Target(width, height), pixels, 0, cancellationToken, onRows, metered);
        if (result != SKCodecResult.Success)
        {
            throw new ImageDecodeException($"{label} could not be decoded as {format}: {Describe(result)}");
        }
        return new DecodedImage(new PixelBuffer(pixels, width, height, 4), (int)codec.EncodedOrigin, path);
    }

    /// <summary>Decodes restart-aligned strips on several cores into <paramref name="pixels"/>; false (nothing promised about
    /// <paramref name="pixels"/>) when the file cannot be split or a strip does not come out as expected.</summary>
    private static bool DecodeStrips(ReadOnlySpan<byte> data, float scale, int width, int height, byte[] pixels,
        CancellationToken cancellationToken, Action<int>? onRows)
    {
        var strips = JpegRestartSplitter.Split(data, Math.Min(Environment.ProcessorCount, 4));
        if (strips is null)
        {
            return false;
        }
        var offsets = new int[strips.Count];
        var heights = new int[strips.Count];
        var codecs = new SKCodec?[strips.Count];
        try
        {
            var row = 0;
            for (var i = 0; i < strips.Count; i++)
            {
                codecs[i] = SKCodec.Create(new SKMemoryStream(SKData.CreateCopy(strips[i].Jpeg)));
                if (codecs[i] is not { } codec)
                {
                    return false;
                }
                var size = scale < 1 ? codec.GetScaledDimensions(scale) : codec.Info.Size;
                if (size.Width != width)
                {
                    return false;
                }
                (offsets[i], heights[i]) = (row, size.Height);
                row += size.Height;
            }
            if (row != height)
            {
                return false;
            }
            var ok = true;
            Parallel.For(0, strips.Count, new ParallelOptions { MaxDegreeOfParallelism = strips.Count }, i =>
            {
                try
                {
                    if (SkiaBandDecoder.Decode(codecs[i]!, Target(width, heights[i]), pixels, offsets[i] * width * 4, cancellationToken, onRows) != SKCodecResult.Success)
                    {
                        ok = false;
                    }
                }
                catch (OperationCanceledException)
                {
                    ok = false; // the other strips stop at their next band; thrown below
                }
            });
            cancellationToken.ThrowIfCancellationRequested();
            return ok;
        }
        finally
        {
            foreach (var codec in codecs)
            {
                codec?.Dispose();
            }
        }
    }

    private static SKImageInfo Target(int width, int height) => new(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "the file is truncated (the image data ends early)",
        SKCodecResult.ErrorInInput => "the image data is corrupt",
        SKCodecResult.InvalidInput => "the file is not a valid image",
        SKCodecResult.Unimplemented => "this variant of the format is not supported",
        SKCodecResult.InvalidScale => "the requested scale is not supported",
        _ => "the decoder reported " + result,
    };
}
