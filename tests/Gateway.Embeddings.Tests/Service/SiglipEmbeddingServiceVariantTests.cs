using Gateway.TestModels;

namespace Gateway.Embeddings.Tests.Service;

/// <summary>Switching the loaded model to another export at run time (<c>SwitchVariantAsync</c>): the reason as a value
/// when it cannot, the model in use kept; the new export answering when it can.</summary>
public sealed class SiglipEmbeddingServiceVariantTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestModel _model;

    public SiglipEmbeddingServiceVariantTests() => _model = TestModelFactory.WriteTo(_dir.Path, variants: "int8");

    [Fact]
    public async Task SwitchVariant_LoadsTheExport_AndAnswersWithIt()
    {
        await using var service = ServiceFactory.Create(_model, o => o.TextBatch = o.ImageBatch = 1);
        var before = await service.EmbedTextAsync("red").VectorAsync();

        var failure = await service.SwitchVariantAsync("int8");

        Assert.Null(failure);
        Assert.Equal("int8", service.Variant);
        Assert.Equal("int8", service.Status.Tuning?.Variant);
        Assert.Contains("(int8)", service.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await service.EmbedTextAsync("red").VectorAsync());
    }

    [Fact]
    public async Task SwitchVariant_FilesMissing_AnswersWhich_AndKeepsTheModelInUse()
    {
        await using var service = ServiceFactory.Create(_model, o => o.TextBatch = o.ImageBatch = 1);
        Assert.True(service.TryLoad());

        var failure = await service.SwitchVariantAsync("uint8");

        Assert.NotNull(failure);
        Assert.Contains("onnx/vision_model_uint8.onnx", failure, StringComparison.Ordinal);
        Assert.Equal("fp32", service.Status.Tuning?.Variant);
        Assert.Equal(_model.Dimensions, (await service.EmbedTextAsync("blue").VectorAsync()).Length);
    }

    [Fact]
    public async Task SwitchVariant_BrokenExport_AnswersWhy_AndKeepsServing()
    {
        File.WriteAllBytes(Path.Combine(_model.Directory, "onnx/text_model_int8.onnx"), [1, 2, 3, 4]);
        await using var service = ServiceFactory.Create(_model, o => o.TextBatch = o.ImageBatch = 1);
        Assert.True(service.TryLoad());

        var failure = await service.SwitchVariantAsync("int8");

        Assert.NotNull(failure);
        Assert.Contains("could not be loaded", failure, StringComparison.Ordinal);
        Assert.Equal("fp32", service.Variant);
        Assert.Equal(EmbeddingModelState.Ready, service.Status.State);
        Assert.Equal(_model.Dimensions, (await service.EmbedTextAsync("green").VectorAsync()).Length);
    }

    public void Dispose() => _dir.Dispose();
}
