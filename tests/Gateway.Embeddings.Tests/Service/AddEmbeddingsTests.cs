using Gateway.Embeddings.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Tests.Service;

public sealed class AddEmbeddingsTests(TestModelFixture fixture) : IClassFixture<TestModelFixture>
{
    [Fact]
    public async Task AddEmbeddings_BindsOptionsAndServesOneSharedService()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embeddings:ModelId"] = "test/colour",
            ["Embeddings:ModelDirectory"] = fixture.Model.Directory,
            ["Embeddings:MaxBatch"] = "8",
            ["Embeddings:IntraOpThreads"] = "1",
            ["Embeddings:Prompts:PeakTemplates:0"] = "{} mountain",
            ["Embeddings:Prompts:AntiConceptWeight"] = "0.1",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();

        services.AddEmbeddings();
        services.AddEmbeddings();
        await using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<IEmbeddingService>(), provider.GetRequiredService<SiglipEmbeddingService>());
        Assert.Equal(8, provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value.MaxBatch);
        var prompts = provider.GetRequiredService<PromptEmbedder>().Options;
        Assert.Equal(["{} mountain"], prompts.EffectivePeakTemplates);
        Assert.Equal(0.1f, prompts.AntiConceptWeight);
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Equal(fixture.Model.Dimensions, (await provider.GetRequiredService<IEmbeddingService>().EmbedTextAsync("red").VectorAsync()).Length);
    }

    [Fact]
    public void AddEmbeddings_InvalidOptionsFailValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embeddings:MaxBatch"] = "0",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddEmbeddings();
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value);
    }
}
