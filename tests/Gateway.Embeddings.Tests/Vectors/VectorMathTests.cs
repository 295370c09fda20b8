using Gateway.Embeddings.Vectors;

namespace Gateway.Embeddings.Tests.Vectors;

public sealed class VectorMathTests
{
    [Fact]
    public void NormalizeInPlace_MakesUnitLength()
    {
        float[] v = [3, 0, 4];

        VectorMath.NormalizeInPlace(v);

        Assert.Equal([0.6f, 0, 0.8f], v);
    }

    [Fact]
    public void NormalizeInPlace_LeavesZeroVectorAlone()
    {
        float[] v = [0, 0];

        VectorMath.NormalizeInPlace(v);

        Assert.Equal([0f, 0f], v);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0, 0.5)]
    [InlineData(0.1, 2.302585092994046, -1.0, 0.5)] // 0.1 · 10 − 1 = 0
    [InlineData(0.2, 4.605170185988092, -10.0, 0.9999546021312976)] // 0.2 · 100 − 10 = 10
    [InlineData(-0.1, 4.605170185988092, -10.0, 2.0611536181902037e-9)] // −20
    public void SiglipScore_IsSigmoidOfScaledCosinePlusBias(double cosine, double logitScale, double logitBias, double expected)
    {
        Assert.Equal(expected, VectorMath.SiglipScore(cosine, logitScale, logitBias), 9);
    }

    [Fact]
    public void SiglipScore_IsNotASoftmax()
    {
        // Independent sigmoids: two equally good matches can both score high, unlike a softmax.
        var a = VectorMath.SiglipScore(0.2, Math.Log(100), -10);
        var b = VectorMath.SiglipScore(0.25, Math.Log(100), -10);

        Assert.True(a > 0.99 && b > 0.99);
        Assert.True(a + b > 1.9);
    }

    [Fact]
    public void Mean_IsElementWise()
    {
        Assert.Equal([2f, 3f], VectorMath.Mean([[1, 2], [3, 4]]));
    }
}
