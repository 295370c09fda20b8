using Gateway.Peaks.Catalog;

namespace Gateway.Peaks.Tests.Catalog;

public sealed class ReferenceSelectionTests
{
    private static readonly AlbumPhoto A = new("ebc", "a.jpg"), B = new("ebc", "b.jpg"), C = new("ebc", "c.jpg"), D = new("ebc", "d.jpg");

    [Fact]
    public void AlbumReferences_NewestIndexedFirst_UpToTheLimit()
    {
        var chosen = ReferenceSelection.AlbumReferences([A, B, C, D], p => p != C, 2);

        Assert.Equal([D, B], chosen);
    }

    [Theory]
    [InlineData(0, 3, 3)]
    [InlineData(2, 3, 1)]
    [InlineData(3, 3, 0)]
    public void FolderSlots_FillWhatAlbumReferencesLeave(int used, int max, int expected) =>
        Assert.Equal(expected, ReferenceSelection.FolderSlots(used, max));
}
