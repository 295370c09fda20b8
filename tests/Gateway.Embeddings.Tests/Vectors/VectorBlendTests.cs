using Gateway.Embeddings.Vectors;

namespace Gateway.Embeddings.Tests.Vectors;

public sealed class VectorBlendTests
{
    [Theory]
    [InlineData(1.0, 1f, 0f)]
    [InlineData(0.0, 0f, 1f)]
    [InlineData(0.5, 0.70710677f, 0.70710677f)]
    public void Blend_BlendsAndNormalises(double weight, float x, float y)
    {
        var blend = VectorMath.Blend([1f, 0f], [0f, 1f], weight);

        Assert.Equal(x, blend[0], 5);
        Assert.Equal(y, blend[1], 5);
    }

    [Fact]
    public void Blend_OppositeVectorsFallBackToTheFirst() =>
        Assert.Equal([1f, 0f], VectorMath.Blend([1f, 0f], [-1f, 0f], 0.5));

    [Fact]
    public void Blend_RefusesDifferentDimensions() =>
        Assert.Throws<ArgumentException>(() => VectorMath.Blend([1f, 0f], [1f, 0f, 0f], 0.5));
}
