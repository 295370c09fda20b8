using Gateway.Embeddings.Images;

namespace Gateway.Embeddings.Tests.Images;

public sealed class HeifContainerTests
{
    [SkippableFact]
    public void TryParse_FindsPrimarySizeAndThumbnailOfAnIphoneHeic()
    {
        var bytes = File.ReadAllBytes(SharedPhotos.Path("ebc", "IMG_1512.HEIC"));

        var container = HeifContainer.TryParse(bytes);

        Assert.NotNull(container);
        Assert.Equal((4032, 3024), container.SizeOf(container.PrimaryId));
        var thumbnail = Assert.Single(container.Thumbnails);
        Assert.Equal((416, 312), container.SizeOf(thumbnail));
        Assert.Equal(thumbnail, container.FindThumbnail(224, 224));
        Assert.Null(container.FindThumbnail(384, 384));
    }

    [SkippableFact]
    public void WithPrimary_ChangesOnlyThePrimaryItemField()
    {
        var bytes = File.ReadAllBytes(SharedPhotos.Path("ebc", "IMG_1512.HEIC"));
        var container = HeifContainer.TryParse(bytes)!;

        var patched = container.WithPrimary(bytes, container.Thumbnails[0]);

        Assert.Equal(bytes.Length, patched.Length);
        Assert.Equal(2, bytes.Zip(patched).Count(p => p.First != p.Second) + 1);
        Assert.Equal(container.Thumbnails[0], HeifContainer.TryParse(patched)!.PrimaryId);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0, 0, 0, 8, 0x66, 0x74, 0x79, 0x70 })]
    [InlineData(new byte[] { 0, 0, 0, 12, 0x6D, 0x65, 0x74, 0x61, 0, 0, 0, 0, 0, 0, 0, 99, 0x70, 0x69, 0x74, 0x6D })]
    public void TryParse_ReturnsNullForAnythingItCannotRead(byte[] bytes)
    {
        Assert.Null(HeifContainer.TryParse(bytes));
    }
}
