using System.Runtime.InteropServices;
using SkiaSharp;

namespace Gateway.Embeddings.Images;

/// <summary>JPEG, PNG, WebP, GIF (first frame) and BMP through SkiaSharp, with DCT-scaled JPEG decoding.</summary>
internal static class SkiaImageReader
{
    public static DecodedImage Read(ReadOnlySpan<byte> data, string label, ImageFormat format, ImageDecodeOptions options, int minShortEdge, int minLongEdge)
    {
        using var skData = SKData.CreateCopy(data);
        // The codec takes ownership of the stream.
        using var codec = SKCodec.Create(new SKMemoryStream(skData), out var created);
        if (codec is null)
        {
            throw new ImageDecodeException($"{label} could not be decoded as {format}: {Describe(created)}");
        }
        var info = codec.Info;
        DecodeLimits.CheckPixels(label, info.Width, info.Height, options);
        var (width, height) = (info.Width, info.Height);
        var path = "full";
        if (options.FastPaths && format == ImageFormat.Jpeg)
        {
            var scale = Math.Max((double)minShortEdge / Math.Min(width, height), (double)minLongEdge / Math.Max(width, height));
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
        var target = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = new byte[checked(width * height * 4)];
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        SKCodecResult result;
        try
        {
            // Frame 0 for GIF and animated WebP; no colour-space conversion, as PIL does not convert either.
            result = codec.GetPixels(target, handle.AddrOfPinnedObject());
        }
        finally
        {
            handle.Free();
        }
        if (result != SKCodecResult.Success)
        {
            throw new ImageDecodeException($"{label} could not be decoded as {format}: {Describe(result)}");
        }
        return new DecodedImage(new PixelBuffer(pixels, width, height, 4), (int)codec.EncodedOrigin, path);
    }

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
