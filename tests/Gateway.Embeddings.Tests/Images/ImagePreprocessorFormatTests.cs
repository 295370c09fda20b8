using Gateway.Embeddings.Images;
using ImageMagick;
using SkiaSharp;

namespace Gateway.Embeddings.Tests.Images;

public sealed class ImagePreprocessorFormatTests
{
    private static readonly ImagePreprocessor Preprocessor = new(ImageInputSpec.Siglip224);

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Preprocess_DecodesSkiaFormatsToNormalisedNchw(SKEncodedImageFormat format)
    {
        var encoded = SyntheticImages.Encode(300, 200, format);

        var tensor = Preprocessor.Preprocess(encoded, "synthetic");

        Assert.Equal(3 * 224 * 224, tensor.Length);
        Assert.All(tensor, v => Assert.InRange(v, -1f, 1f));
        // Left half is red (220, .., 40), right half blue (30, .., 200): R plane high on the left, B plane high on the right.
        Assert.Equal(2 * 220 / 255f - 1, Red(tensor, 10, 100), 0.05f);
        Assert.Equal(2 * 40 / 255f - 1, Blue(tensor, 10, 100), 0.05f);
        Assert.Equal(2 * 200 / 255f - 1, Blue(tensor, 210, 100), 0.05f);
    }

    [Theory]
    [InlineData(MagickFormat.Bmp)]
    [InlineData(MagickFormat.Gif)]
    [InlineData(MagickFormat.Tiff)]
    public void Preprocess_DecodesBmpGifAndTiff(MagickFormat format)
    {
        var encoded = SyntheticImages.Solid(64, 48, new MagickColor(255, 0, 0), format);

        var tensor = Preprocessor.Preprocess(encoded, "red." + format);

        Assert.Equal(1f, Red(tensor, 100, 100), 0.01f);
        Assert.Equal(-1f, Blue(tensor, 100, 100), 0.01f);
    }

    [Fact]
    public void Preprocess_TakesTheFirstFrameOfAnAnimatedGif()
    {
        using var frames = new MagickImageCollection
        {
            new MagickImage(new MagickColor(0, 0, 255), 32, 32),
            new MagickImage(new MagickColor(255, 0, 0), 32, 32),
        };
        var gif = frames.ToByteArray(MagickFormat.Gif);

        var tensor = Preprocessor.Preprocess(gif, "anim.gif");

        Assert.Equal(1f, Blue(tensor, 50, 50), 0.01f);
        Assert.Equal(-1f, Red(tensor, 50, 50), 0.01f);
    }

    [Fact]
    public void Preprocess_FastJpegPathStaysCloseToTheFullDecode()
    {
        var encoded = SyntheticImages.Encode(2400, 1800, SKEncodedImageFormat.Jpeg);
        var full = new ImagePreprocessor(ImageInputSpec.Siglip224, new ImageDecodeOptions { FastPaths = false });
        var destination = new float[ImageInputSpec.Siglip224.TensorLength];

        var fastPath = Preprocessor.PreprocessWithPath(encoded, "big.jpg", destination);
        var fullTensor = full.Preprocess(encoded, "big.jpg");

        Assert.Equal("dct 300x225", fastPath);
        Assert.True(MeanAbsDiff(destination, fullTensor) < 0.02, $"mean abs diff {MeanAbsDiff(destination, fullTensor)}");
    }

    [Fact]
    public void Preprocess_RefusesAFileOverTheByteLimitAsTooLarge()
    {
        var small = new ImagePreprocessor(ImageInputSpec.Siglip224, new ImageDecodeOptions { MaxFileBytes = 100 });
        var encoded = SyntheticImages.Encode(300, 200, SKEncodedImageFormat.Png);

        var error = Assert.Throws<ImageDecodeException>(() => small.Preprocess(encoded, "big.png"));

        Assert.True(error.TooLarge);
        Assert.Contains("'big.png'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preprocess_RefusesADecompressionBombFromItsHeader()
    {
        // A valid PNG header claiming 60000 x 60000 pixels (3.6 gigapixels) followed by almost no data.
        var png = SyntheticImages.Encode(8, 8, SKEncodedImageFormat.Png);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 60000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 60000);
        FixIhdrCrc(png);

        var error = Assert.Throws<ImageDecodeException>(() => Preprocessor.Preprocess(png, "bomb.png"));

        Assert.True(error.TooLarge);
        Assert.Contains("60000x60000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "not in a supported format")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46 }, "could not be decoded")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, "could not be decoded")]
    [InlineData(new byte[] { 0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0, 0x6D, 0x69, 0x66, 0x31, 0, 0, 0, 0 }, "could not be decoded")]
    public void Preprocess_ExplainsGarbage(byte[] bytes, string reason)
    {
        var error = Assert.Throws<ImageDecodeException>(() => Preprocessor.Preprocess(bytes, "junk.bin"));

        Assert.False(error.TooLarge);
        Assert.Contains("'junk.bin'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreprocessAsync_GivesUpAfterTheTimeout()
    {
        // A sub-millisecond timeout waits for nothing: the caller gives up unless the decode had already finished,
        // which a 24-megapixel PNG decode on the thread pool cannot have (a 1 ms timer raced it and was flaky).
        var slow = new ImagePreprocessor(ImageInputSpec.Siglip224, new ImageDecodeOptions { Timeout = TimeSpan.FromTicks(1), FastPaths = false });
        var encoded = SyntheticImages.Encode(6000, 4000, SKEncodedImageFormat.Png);

        var error = await Assert.ThrowsAsync<ImageDecodeException>(() => slow.PreprocessAsync(encoded, "slow.png"));

        Assert.Contains("took longer than", error.Message, StringComparison.Ordinal);
    }

    internal static float Red(float[] t, int x, int y) => t[(y * 224) + x];

    internal static float Blue(float[] t, int x, int y) => t[(2 * 224 * 224) + (y * 224) + x];

    internal static double MeanAbsDiff(float[] a, float[] b) => a.Zip(b).Average(p => Math.Abs(p.First - p.Second));

    private static void FixIhdrCrc(byte[] png)
    {
        // CRC-32 over the chunk type and data of IHDR (bytes 12..28).
        uint crc = 0xFFFFFFFF;
        foreach (var b in png.AsSpan(12, 17))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), crc ^ 0xFFFFFFFF);
    }
}
