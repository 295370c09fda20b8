using Gateway.Embeddings.Service;

namespace Gateway.Embeddings.Tests.Service;

public sealed class EmbeddingModelWarmupTests(TestModelFixture fixture) : IClassFixture<TestModelFixture>
{
    [Fact]
    public async Task Start_LoadsThePresentModelInTheBackground()
    {
        await using var service = ServiceFactory.Create(fixture.Model);
        using var warmup = new EmbeddingModelWarmup(service);

        await warmup.StartAsync(CancellationToken.None);
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(EmbeddingModelState.Ready, service.Status.State);
        Assert.Contains("32 dims", service.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithoutModelLeavesStatusMissing()
    {
        var empty = Directory.CreateTempSubdirectory("gateway-warmup-empty").FullName;
        await using var service = new SiglipEmbeddingService(Microsoft.Extensions.Options.Options.Create(new EmbeddingOptions { ModelDirectory = empty }));
        using var warmup = new EmbeddingModelWarmup(service);

        await warmup.StartAsync(CancellationToken.None);
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(EmbeddingModelState.Missing, service.Status.State);
        Directory.Delete(empty);
    }
}
