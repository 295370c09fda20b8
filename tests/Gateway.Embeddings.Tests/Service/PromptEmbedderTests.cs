using Gateway.Embeddings.Service;
using Gateway.Embeddings.Vectors;
using Gateway.TestModels;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Tests.Service;

public sealed class PromptEmbedderTests(TestModelFixture fixture) : IClassFixture<TestModelFixture>
{
    [Fact]
    public async Task EmbedPeak_IsTheEnsembleMinusAntiConceptComputedByHand()
    {
        await using var service = ServiceFactory.Create(fixture.Model);
        var options = new PromptOptions { PeakTemplates = ["a photo of {}.", "{} peak in the himalayas"] };
        var embedder = new PromptEmbedder(service, Options.Create(options));

        var prototype = await embedder.EmbedPeakAsync(["red", "yellow"]).VectorAsync();

        var prompts = new[] { "a photo of red.", "a photo of yellow.", "red peak in the himalayas", "yellow peak in the himalayas" };
        var vectors = new List<float[]>();
        foreach (var p in prompts)
        {
            vectors.Add(await service.EmbedTextAsync(p).VectorAsync());
        }

        var expected = PrototypeMath.TextPrototype(vectors, await service.EmbedTextAsync(options.AntiConcept).VectorAsync(), 0.25f);
        Assert.Equal(expected, prototype, (a, b) => MathF.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public async Task EmbedPeak_ReferencePhotosPullThePrototypeTowardsThem()
    {
        await using var service = ServiceFactory.Create(fixture.Model);
        var embedder = new PromptEmbedder(service, Options.Create(new PromptOptions()));
        var greenPhoto = await service.EmbedImageAsync(TestImages.SolidJpeg(TestColor.Named("green"))).VectorAsync();

        var textOnly = await embedder.EmbedPeakAsync(["red"]).VectorAsync();
        var blended = await embedder.EmbedPeakAsync(["red"], [greenPhoto]).VectorAsync();

        Assert.True(VectorMath.Dot(blended, greenPhoto) > VectorMath.Dot(textOnly, greenPhoto) + 0.2f);
        Assert.Equal(1f, MathF.Sqrt(VectorMath.Dot(blended, blended)), 4);
    }

    [Theory]
    [InlineData("red", "red")]
    [InlineData("Blue", "blue")]
    [InlineData("something yellow", "yellow")]
    public async Task EmbedQuery_FindsTheColourImage(string query, string colour)
    {
        await using var service = ServiceFactory.Create(fixture.Model);
        var embedder = new PromptEmbedder(service, Options.Create(new PromptOptions()));
        var images = new Dictionary<string, float[]>();
        foreach (var c in TestColor.All)
        {
            images[c.Name] = await service.EmbedImageAsync(TestImages.SolidJpeg(c)).VectorAsync();
        }

        var vector = await embedder.EmbedQueryAsync(query).VectorAsync();

        Assert.Equal(colour, images.MaxBy(kv => VectorMath.Dot(vector, kv.Value)).Key);
    }
}
