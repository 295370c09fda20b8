using Gateway.Embeddings.Images;
using SkiaSharp;

namespace Gateway.Embeddings.Tests.Images;

public sealed class ImageThumbnailerTests
{
    private static readonly ImageThumbnailer Thumbnailer = new();

    [SkippableTheory]
    [InlineData(ThumbnailFormat.Jpeg, SKEncodedImageFormat.Jpeg)]
    [InlineData(ThumbnailFormat.WebP, SKEncodedImageFormat.Webp)]
    public void Create_FitsAnUprightHeicInTheBox(ThumbnailFormat format, SKEncodedImageFormat expected)
    {
        // IMG_1512 is stored 4032x3024 with orientation 6: upright it is portrait.
        var bytes = File.ReadAllBytes(SharedPhotos.Path("ebc", "IMG_1512.HEIC"));

        var thumbnail = Thumbnailer.Create(bytes, "IMG_1512.HEIC", 256, format);

        using var codec = SKCodec.Create(new SKMemoryStream(thumbnail));
        Assert.Equal(expected, codec.EncodedFormat);
        Assert.Equal((192, 256), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public void Create_NeverEnlarges()
    {
        var png = SyntheticImages.Encode(40, 30, SKEncodedImageFormat.Png);

        var thumbnail = Thumbnailer.Create(png, "small.png", 512);

        using var codec = SKCodec.Create(new SKMemoryStream(thumbnail));
        Assert.Equal((40, 30), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public void Create_RefusesGarbageWithTheFileName()
    {
        var error = Assert.Throws<ImageDecodeException>(() => Thumbnailer.Create("hello"u8, "note.txt", 128));

        Assert.Contains("'note.txt'", error.Message, StringComparison.Ordinal);
    }
}
