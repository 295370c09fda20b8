using ImageMagick;

namespace Gateway.Embeddings.Images;

/// <summary>
/// Decodes any supported image into upright 8-bit pixels, no larger than needed when fast paths are on:
/// at least <c>minShortEdge</c> on the shorter side and <c>minLongEdge</c> on the longer one.
/// Every failure is an <see cref="ImageDecodeException"/> that names the file and the reason; a cancelled decode
/// stops at its next check and throws <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class ImageDecoder(ImageDecodeOptions options)
{
    public ImageDecodeOptions Options { get; } = options;

    /// <summary>Hears the rows decoded so far, band by band (JPEG, PNG: see <see cref="SkiaBandDecoder"/>); for tests and
    /// diagnostics. Called from the decoding threads, several at once for parallel strips.</summary>
    public Action<int>? RowsDecoded { get; set; }

    /// <summary>Decodes within the shared limit of <see cref="ImageDecodeOptions.MaxConcurrentDecodes"/> (see <see cref="DecodeGate"/>);
    /// waiting for a slot stops when <paramref name="cancellationToken"/> fires.</summary>
    public DecodedImage Decode(ReadOnlySpan<byte> data, string? name, int minShortEdge, int minLongEdge, CancellationToken cancellationToken = default)
    {
        using var slot = Options.Gate.Enter(cancellationToken);
        return DecodeNow(data, name, minShortEdge, minLongEdge, cancellationToken);
    }

    private DecodedImage DecodeNow(ReadOnlySpan<byte> data, string? name, int minShortEdge, int minLongEdge, CancellationToken cancellationToken)
    {
        var label = name is null ? "the image" : $"image '{name}'";
        if (data.IsEmpty)
        {
            throw new ImageDecodeException($"{label} is empty (0 bytes)");
        }
        if (data.Length > Options.MaxFileBytes)
        {
            throw new ImageDecodeException(
                $"{label} is {data.Length} bytes, over the limit of {Options.MaxFileBytes} bytes (Embeddings:Images:MaxFileBytes)",
                tooLarge: true);
        }
        var format = ImageFormatSniffer.Detect(data);
        DecodedImage decoded;
        try
        {
            decoded = format switch
            {
                ImageFormat.Jpeg or ImageFormat.Png or ImageFormat.Gif or ImageFormat.WebP or ImageFormat.Bmp
                    => SkiaImageReader.Read(data, label, format, Options, minShortEdge, minLongEdge, cancellationToken, RowsDecoded),
                ImageFormat.Heif => MagickImageReader.ReadHeif(data, label, Options, minShortEdge, minLongEdge, cancellationToken),
                ImageFormat.Tiff => MagickImageReader.ReadTiff(data, label, Options, cancellationToken),
                _ => throw new ImageDecodeException(
                    $"{label} is not in a supported format (JPEG, PNG, WebP, GIF, BMP, HEIC/HEIF, TIFF); it starts with bytes {Convert.ToHexString(data[..Math.Min(8, data.Length)])}"),
            };
        }
        catch (MagickException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (MagickException ex)
        {
            throw new ImageDecodeException($"{label} could not be decoded as {format}: {FirstLine(ex.Message)}", inner: ex);
        }
        catch (OverflowException ex)
        {
            throw new ImageDecodeException($"{label} is too large to decode", tooLarge: true, inner: ex);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var upright = ExifOrientation.Apply(decoded.Pixels, decoded.Orientation);
        return decoded with { Pixels = upright, Orientation = 1 };
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
