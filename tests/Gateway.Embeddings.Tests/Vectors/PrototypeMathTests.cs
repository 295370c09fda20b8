using Gateway.Embeddings.Vectors;

namespace Gateway.Embeddings.Tests.Vectors;

public sealed class PrototypeMathTests
{
    [Fact]
    public void TextPrototype_SubtractsWeightedAntiConceptAndNormalises()
    {
        float[][] prompts = [[1, 0, 0], [0, 1, 0]];
        float[] anti = [0, 0, 1];

        var prototype = PrototypeMath.TextPrototype(prompts, anti, 0.25f);

        // mean = (0.5, 0.5, 0) − 0.25·(0, 0, 1) = (0.5, 0.5, −0.25), |·| = 0.75
        Assert.Equal([0.5f / 0.75f, 0.5f / 0.75f, -0.25f / 0.75f], prototype, Close);
    }

    [Fact]
    public void TextPrototype_ZeroWeightIgnoresAntiConcept()
    {
        var prototype = PrototypeMath.TextPrototype([[3, 4]], [1, 0], 0);

        Assert.Equal([0.6f, 0.8f], prototype, Close);
    }

    [Fact]
    public void Blend_WeightsTextAndNormalisedImageMean()
    {
        float[] text = [1, 0];
        float[][] images = [[0, 1], [0, 1]];

        var blended = PrototypeMath.Blend(text, images, 0.55f, 0.45f);

        var norm = MathF.Sqrt((0.55f * 0.55f) + (0.45f * 0.45f));
        Assert.Equal([0.55f / norm, 0.45f / norm], blended, Close);
    }

    [Fact]
    public void Blend_ImageMeanIsNormalisedBeforeWeighting()
    {
        // Two opposite-ish photos have a short mean; after normalising it the weights still mean 0.55 / 0.45.
        float[][] images = [[0.6f, 0.8f], [-0.6f, 0.8f]];

        var blended = PrototypeMath.Blend([1, 0], images, 0.55f, 0.45f);

        Assert.Equal(0.55f / 0.45f, blended[0] / blended[1], 3);
    }

    [Fact]
    public void Blend_WithoutImagesIsTheTextPrototype()
    {
        Assert.Equal([0.6f, 0.8f], PrototypeMath.Blend([3, 4], [], 0.55f, 0.45f), Close);
        Assert.Equal([0.6f, 0.8f], PrototypeMath.Blend([3, 4], null, 0.55f, 0.45f), Close);
    }

    [Fact]
    public void ExpandPrompts_IsTemplatesTimesNames()
    {
        var prompts = PrototypeMath.ExpandPrompts(["ama dablam", "アマダブラム"], ["a photo of {}.", "{} peak"]);

        Assert.Equal(["a photo of ama dablam.", "a photo of アマダブラム.", "ama dablam peak", "アマダブラム peak"], prompts);
    }

    [Fact]
    public void TextPrototype_RejectsMismatchedLengths()
    {
        Assert.Throws<ArgumentException>(() => PrototypeMath.TextPrototype([[1, 0]], [1, 0, 0], 0.25f));
        Assert.Throws<ArgumentException>(() => PrototypeMath.TextPrototype([[1, 0], [1, 0, 0]], [], 0.25f));
    }

    private static bool Close(float a, float b) => MathF.Abs(a - b) < 1e-5f;
}
