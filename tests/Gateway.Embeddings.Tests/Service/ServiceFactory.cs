using Gateway.Embeddings.Service;
using Gateway.TestModels;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Tests.Service;

internal static class ServiceFactory
{
    public static SiglipEmbeddingService Create(TestModel model, Action<EmbeddingOptions>? configure = null)
    {
        var options = new EmbeddingOptions { ModelId = "test/colour-siglip", ModelDirectory = model.Directory, IntraOpThreads = 1 };
        configure?.Invoke(options);
        return new SiglipEmbeddingService(Options.Create(options));
    }
}
