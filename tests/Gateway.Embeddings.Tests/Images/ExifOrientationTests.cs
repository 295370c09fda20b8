using Gateway.Embeddings.Images;

namespace Gateway.Embeddings.Tests.Images;

public sealed class ExifOrientationTests
{
    // A 3x2 stored image whose pixels are numbered 0..5 row by row:
    //   0 1 2
    //   3 4 5
    // Expected upright pixel rows for each EXIF orientation (as in the EXIF 2.32 specification's figures).
    [Theory]
    [InlineData(0, 3, 2, new byte[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData(1, 3, 2, new byte[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData(2, 3, 2, new byte[] { 2, 1, 0, 5, 4, 3 })]
    [InlineData(3, 3, 2, new byte[] { 5, 4, 3, 2, 1, 0 })]
    [InlineData(4, 3, 2, new byte[] { 3, 4, 5, 0, 1, 2 })]
    [InlineData(5, 2, 3, new byte[] { 0, 3, 1, 4, 2, 5 })]
    [InlineData(6, 2, 3, new byte[] { 3, 0, 4, 1, 5, 2 })]
    [InlineData(7, 2, 3, new byte[] { 5, 2, 4, 1, 3, 0 })]
    [InlineData(8, 2, 3, new byte[] { 2, 5, 1, 4, 0, 3 })]
    [InlineData(9, 3, 2, new byte[] { 0, 1, 2, 3, 4, 5 })]
    public void Apply_TurnsStoredPixelsUpright(int orientation, int width, int height, byte[] expected)
    {
        var stored = new PixelBuffer([0, 1, 2, 3, 4, 5], 3, 2, 1);

        var upright = ExifOrientation.Apply(stored, orientation);

        Assert.Equal((width, height), (upright.Width, upright.Height));
        Assert.Equal(expected, upright.Pixels);
    }
}
