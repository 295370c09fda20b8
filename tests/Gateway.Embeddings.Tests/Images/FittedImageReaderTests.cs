using Gateway.Embeddings.Images;
using SkiaSharp;

namespace Gateway.Embeddings.Tests.Images;

public sealed class FittedImageReaderTests
{
    private static readonly FittedImageReader Reader = new();

    [SkippableFact]
    public void Read_FitsAnUprightHeicInTheBox()
    {
        // IMG_1512 is stored 4032x3024 with orientation 6: upright it is portrait.
        var bytes = File.ReadAllBytes(SharedPhotos.Path("ebc", "IMG_1512.HEIC"));

        var image = Reader.Read(bytes, "IMG_1512.HEIC", 256);

        Assert.Equal((192, 256), (image.Width, image.Height));
        Assert.Equal(192 * 256 * 3, image.Pixels.Length);
    }

    [Fact]
    public void Read_NeverEnlargesAndKeepsThePixels()
    {
        var png = SyntheticImages.Encode(40, 30, SKEncodedImageFormat.Png);

        var image = Reader.Read(png, "small.png", 512);

        Assert.Equal((40, 30), (image.Width, image.Height));
        // The left half is red (220, *, 40), the right half blue (30, *, 200).
        Assert.Equal((220, 40), (image.Pixels[0], image.Pixels[2]));
        Assert.Equal((30, 200), (image.Pixels[(39 * 3)], image.Pixels[(39 * 3) + 2]));
    }

    [Fact]
    public void Read_RefusesGarbageWithTheFileName()
    {
        var error = Assert.Throws<ImageDecodeException>(() => Reader.Read("hello"u8, "note.txt", 128));

        Assert.Contains("'note.txt'", error.Message, StringComparison.Ordinal);
    }
}
