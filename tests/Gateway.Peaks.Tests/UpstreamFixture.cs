using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Gateway.EmbeddedStore;
using Gateway.EmbeddedStore.Search;
using Gateway.Embeddings.Service;
using Gateway.Upstream;
using Gateway.TestModels;
using Microsoft.Extensions.Options;
using Store = Gateway.EmbeddedStore.EmbeddedStore;

namespace Gateway.Peaks.Tests;

/// <summary>An in-memory embedded store reached through the official client, and the generated colour model.
/// Shared with Gateway.Photos.Tests, which compiles this file too.</summary>
public sealed class UpstreamFixture : IDisposable
{
    private readonly Store _store;

    public UpstreamFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "gateway-upstream-tests-" + Guid.NewGuid().ToString("N"));
        Model = TestModelFactory.WriteTo(Path.Combine(Root, "model"));
        _store = Store.CreateInMemory(new SearchService());
        Handler = new EmbeddedStoreHandler(_store);
        var handler = Handler;
        Client = new ElasticsearchClient(new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://embedded:9200")), new HttpRequestInvoker((inner, config) => handler)));
        Upstream = new UpstreamClient(Client, baseDelay: TimeSpan.FromMilliseconds(1));
        Embeddings = new SiglipEmbeddingService(Options.Create(new EmbeddingOptions { ModelDirectory = Model.Directory, ModelId = "test/colour-model" }));
        Prompts = new PromptEmbedder(Embeddings, Options.Create(new PromptOptions()));
    }

    public string Root { get; }

    public TestModel Model { get; }

    public EmbeddedStoreHandler Handler { get; }

    public ElasticsearchClient Client { get; }

    public UpstreamClient Upstream { get; }

    public SiglipEmbeddingService Embeddings { get; }

    public PromptEmbedder Prompts { get; }

    public void Dispose()
    {
        Embeddings.Dispose();
        Handler.Dispose();
        _store.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder; a file may still be mapped by ONNX Runtime.
        }
    }
}
