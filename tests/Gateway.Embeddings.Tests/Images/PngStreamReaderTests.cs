using Gateway.Embeddings.Images;
using SkiaSharp;

namespace Gateway.Embeddings.Tests.Images;

/// <summary>Large PNGs are shrunk while they decode, and the result equals Skia's full-size decode shrunk the same way.</summary>
public sealed class PngStreamReaderTests
{
    public static TheoryData<int, int, int> ColourTypesAndDepths() => new()
    {
        { 0, 1, 2 }, { 0, 2, 3 }, { 0, 4, 2 }, { 0, 8, 3 }, { 0, 16, 2 },
        { 2, 8, 2 }, { 2, 16, 3 },
        { 3, 1, 2 }, { 3, 2, 2 }, { 3, 4, 3 }, { 3, 8, 2 },
        { 4, 8, 3 }, { 4, 16, 2 },
        { 6, 8, 2 }, { 6, 16, 3 },
    };

    [Theory]
    [MemberData(nameof(ColourTypesAndDepths))]
    public void Read_EqualsSkiasFullDecodeShrunkByTheSameBoxes(int colorType, int bitDepth, int factor)
    {
        const int width = 61, height = 37; // not multiples of the factor: partial boxes at the edges
        var max = (1 << bitDepth) - 1;
        byte[]? palette = null, transparency = null;
        if (colorType == 3)
        {
            palette = [.. Enumerable.Range(0, 1 << bitDepth).SelectMany(i => new[] { (byte)(i * 37), (byte)(255 - (i * 11)), (byte)(i * 5) })];
            transparency = [.. Enumerable.Range(0, Math.Min(3, 1 << bitDepth)).Select(i => (byte)(i * 100))];
        }
        else if (colorType == 0)
        {
            transparency = [0, 0]; // gray 0 is transparent
        }

        var png = PngTestWriter.Write(width, height, colorType, bitDepth, (x, y, c) => ((x * 7) + (y * 13) + (c * 29)) % (max + 1), palette, transparency);

        var streamed = PngStreamReader.Read(png, "test.png", factor, CancellationToken.None)!;
        var expected = SkiaShrunk(png, factor);

        Assert.Equal((expected.Width, expected.Height), (streamed.Width, streamed.Height));
        var worst = streamed.Pixels.Zip(expected.Pixels, (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(worst, 0, 1); // 16-bit samples: Skia rounds where we keep the high byte
    }

    [Fact]
    public void Read_InterlacedFileIsLeftToTheFullSizePath() =>
        Assert.Null(PngStreamReader.Read(PngTestWriter.Write(8, 8, 2, 8, (_, _, _) => 0, interlaced: true), "i.png", 2, CancellationToken.None));

    [Fact]
    public void Read_TruncatedFileNamesTheRowWhereItEnds()
    {
        var png = PngTestWriter.Write(300, 200, 2, 8, (x, y, c) => (x ^ y) + c);
        var cut = png[..(png.Length / 3)];

        var error = Assert.Throws<ImageDecodeException>(() => PngStreamReader.Read(cut, "cut.png", 2, CancellationToken.None));

        Assert.Contains("cut.png", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HugePngNeverExistsAtFullSize()
    {
        // 14000 x 14000 (196 MP, under the 200 MP cap): 784 MB as RGBA, well under 1 MB as a file.
        const int side = 14000;
        var png = PngTestWriter.Write(side, side, 0, 8, (x, y, _) => ((x / 1000) + (y / 1000)) % 2 == 0 ? 255 : 0);
        var decoder = new ImageDecoder(new ImageDecodeOptions());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var decoded = decoder.Decode(png, "huge.png", 1, 512);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.StartsWith("png rows 1/27", decoded.Path, StringComparison.Ordinal);
        Assert.Equal((519, 519), (decoded.Pixels.Width, decoded.Pixels.Height));
        Assert.InRange(allocated, 0, 32L * 1024 * 1024); // the file, two rows and 1 MB of output, not 784 MB
        // The 1000-pixel checkerboard survives: white top left, black one square to the right.
        var pixels = decoded.Pixels;
        Assert.Equal([255, 255, 255, 255], pixels.Pixels.AsSpan(((10 * pixels.Width) + 10) * 4, 4).ToArray());
        Assert.Equal([0, 0, 0, 255], pixels.Pixels.AsSpan(((10 * pixels.Width) + 50) * 4, 4).ToArray());
    }

    [Fact]
    public void Decode_PictureOnlyDecodableWholeOverTheFullDecodeLimit_IsRefusedAsTooLarge()
    {
        // Interlaced PNGs cannot be shrunk while they decode: beyond MaxFullDecodePixels they are refused up front.
        var png = PngTestWriter.Write(3000, 2000, 2, 8, (_, _, _) => 0, interlaced: true);
        var decoder = new ImageDecoder(new ImageDecodeOptions { MaxFullDecodePixels = 5_000_000 });

        var error = Assert.Throws<ImageDecodeException>(() => decoder.Decode(png, "interlaced.png", 224, 224));

        Assert.True(error.TooLarge);
        Assert.Contains("MaxFullDecodePixels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PngNotLargerThanNeededTakesSkiasPath()
    {
        var png = PngTestWriter.Write(300, 200, 6, 8, (x, y, c) => (x + y + c) % 256);

        var decoded = new ImageDecoder(new ImageDecodeOptions()).Decode(png, "small.png", 224, 224);

        Assert.Equal("full", decoded.Path);
    }

    [Theory]
    [InlineData(14000, 14000, 1, 512, 27)]
    [InlineData(4032, 3024, 224, 224, 13)]
    [InlineData(1000, 500, 224, 224, 2)]
    [InlineData(400, 300, 224, 224, 1)]
    [InlineData(5000, 100, 1, 512, 9)]
    public void FactorFor_KeepsTheResultAtLeastAsLargeAsAsked(int width, int height, int minShort, int minLong, int expected)
    {
        var factor = BoxDownscaler.FactorFor(width, height, minShort, minLong);

        Assert.Equal(expected, factor);
        var scaler = new BoxDownscaler(width, height, factor);
        Assert.True(Math.Min(scaler.Width, scaler.Height) >= minShort && Math.Max(scaler.Width, scaler.Height) >= minLong);
    }

    private static PixelBuffer SkiaShrunk(byte[] png, int factor)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(SKData.CreateCopy(png)));
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
        var rgba = bitmap.Bytes;
        var scaler = new BoxDownscaler(info.Width, info.Height, factor);
        Assert.Equal(info.Width, scaler.Columns.Length); // small factors: every pixel counts
        for (var y = 0; y < info.Height; y++)
        {
            scaler.Add(rgba.AsSpan(y * info.Width * 4, info.Width * 4));
            scaler.EndRow();
        }

        return scaler.Result();
    }
}
