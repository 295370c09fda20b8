using Gateway.Embeddings.Images;
using SkiaSharp;
using Xunit.Abstractions;

namespace Gateway.Embeddings.Tests.Images;

public sealed class JpegRestartSplitterTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("IMG_1536 Copy.JPG", 0.125f)]
    [InlineData("IMG_2508.HEIC", 0.25f)]
    [InlineData("IMG_2508.HEIC", 1f)]
    public void Split_StripsDecodeToTheSamePixelsAsTheWholeFile(string file, float scale)
    {
        var bytes = File.ReadAllBytes(SharedPhotos.Path("ebc", file));

        var strips = JpegRestartSplitter.Split(bytes, 2);

        Assert.NotNull(strips);
        Assert.Equal(2, strips.Count);
        var whole = DecodeAt(bytes, scale);
        var parts = strips.Select(s => DecodeAt(s.Jpeg, scale)).ToList();
        Assert.All(parts, p => Assert.Equal(whole.Width, p.Width));
        Assert.Equal(whole.Height, parts.Sum(p => p.Height));
        Assert.Equal(SKCodec.Create(new SKMemoryStream(SKData.CreateCopy(bytes))).Info.Height, strips.Sum(s => s.Rows));
        var stitched = parts.SelectMany(p => p.Pixels).ToArray();
        var differing = stitched.Zip(whole.Pixels).Count(p => p.First != p.Second);
        output.WriteLine($"{file} at {scale}: {whole.Width}x{whole.Height}, {differing} of {stitched.Length} bytes differ");
        // Restart intervals reset the DC prediction, so the strips are independent; only chroma upsampling at the
        // seam (full-scale decodes) may look one row across it.
        Assert.True(differing <= whole.Width * 4 * 4, $"{differing} bytes differ");
    }

    [SkippableFact]
    public void Preprocess_WithParallelJpegGivesTheSameTensor()
    {
        Skip.If(Environment.ProcessorCount < 2, "needs two cores");
        var bytes = File.ReadAllBytes(SharedPhotos.Path("ebc", "IMG_1536 Copy.JPG"));
        var parallel = new ImagePreprocessor(ImageInputSpec.Siglip224, new ImageDecodeOptions { ParallelJpeg = true });
        var serial = new ImagePreprocessor(ImageInputSpec.Siglip224);
        var tensor = new float[ImageInputSpec.Siglip224.TensorLength];

        var path = parallel.PreprocessWithPath(bytes, "IMG_1536 Copy.JPG", tensor);

        Assert.Equal("dct 378x504 parallel", path);
        Assert.Equal(serial.Preprocess(bytes, "IMG_1536 Copy.JPG"), tensor);
    }

    [Fact]
    public void Split_ReturnsNullWithoutRestartMarkers()
    {
        var jpeg = SyntheticImages.Encode(640, 480, SKEncodedImageFormat.Jpeg);

        Assert.Null(JpegRestartSplitter.Split(jpeg, 2));
    }

    [SkippableFact]
    public void Split_ReturnsNullForATruncatedFile()
    {
        var bytes = File.ReadAllBytes(SharedPhotos.Path("ebc", "IMG_1536 Copy.JPG"));

        Assert.Null(JpegRestartSplitter.Split(bytes.AsSpan(0, bytes.Length / 2), 2));
    }

    private static PixelBuffer DecodeAt(byte[] jpeg, float scale)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(SKData.CreateCopy(jpeg)));
        var size = scale < 1 ? codec.GetScaledDimensions(scale) : codec.Info.Size;
        using var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(bitmap.Info, bitmap.GetPixels()));
        return new PixelBuffer(bitmap.Bytes, size.Width, size.Height, 4);
    }
}
