using Gateway.Embeddings;
using Gateway.PhotoFiles.Thumbnails;
using SkiaSharp;

namespace Gateway.Tests.PhotoFiles.Thumbnails;

public sealed class ImageThumbnailerTests
{
    private static readonly ImageThumbnailer Thumbnailer = new();

    [SkippableTheory]
    [InlineData(nameof(ThumbnailFormat.Jpeg), SKEncodedImageFormat.Jpeg)]
    [InlineData(nameof(ThumbnailFormat.WebP), SKEncodedImageFormat.Webp)]
    public void Create_FitsAnUprightHeicInTheBox(string format, SKEncodedImageFormat expected)
    {
        // IMG_1512 is stored 4032x3024 with orientation 6: upright it is portrait.
        Skip.If(RepositoryPaths.EbcPhotos is null, "../shared/photos is not present next to the repository");
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.EbcPhotos!, "IMG_1512.HEIC"));

        var thumbnail = Thumbnailer.Create(bytes, "IMG_1512.HEIC", 256, Enum.Parse<ThumbnailFormat>(format));

        using var codec = SKCodec.Create(new SKMemoryStream(thumbnail));
        Assert.Equal(expected, codec.EncodedFormat);
        Assert.Equal((192, 256), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public void Create_NeverEnlarges()
    {
        var png = PngTestWriter.Write(40, 30, colorType: 2, bitDepth: 8, (x, y, c) => (x * 5) + (y * 3) + (c * 40));

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
