using Gateway.Embeddings.Models;
using Gateway.Embeddings.Service;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gateway.Embeddings.Tests.Models;

public sealed class ModelAutoDownloaderTests : IDisposable
{
    private readonly ServedTestModel _served = new();
    private readonly TempDirectory _root = new();
    private readonly HttpClient _http = new();
    private readonly ModelDownloadMonitor _monitor = new();

    [Fact]
    public async Task FirstStart_FetchesTheMissingModelAndTheServiceLoadsIt()
    {
        var embedding = new EmbeddingOptions { ModelId = ServedTestModel.Id, ModelDirectory = _root.Combine("m") };
        await using var service = new SiglipEmbeddingService(Options.Create(embedding));
        Assert.Equal(EmbeddingModelState.Missing, service.Status.State);

        await RunAsync(_served.Manifest, embedding, service, autoDownload: true);

        Assert.Null(_monitor.Current);
        Assert.Equal(EmbeddingModelState.Ready, service.Status.State);
        Assert.Equal(32, service.Status.Dimensions);
        Assert.Equal(32, (await service.EmbedTextAsync("red").VectorAsync()).Length);
    }

    [Fact]
    public async Task FirstStart_OfflineSaysWhichFilesToPlaceWhere()
    {
        var embedding = new EmbeddingOptions { ModelId = ServedTestModel.Id, ModelDirectory = _root.Combine("m") };
        await using var service = new SiglipEmbeddingService(Options.Create(embedding));
        var offline = _served.Manifest with { UrlPattern = $"http://127.0.0.1:{LoopbackFileServer.FreePort()}/{{repo}}/resolve/{{revision}}/{{path}}" };

        await RunAsync(offline, embedding, service, autoDownload: true);

        var status = Assert.IsType<EmbeddingModelStatus>(_monitor.Current);
        Assert.Equal(EmbeddingModelState.Missing, status.State);
        Assert.Contains("download each URL below to the path under it", status.Detail, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_root.Combine("m"), "tokenizer.model"), status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstStart_WithAutoDownloadOffFetchesNothing()
    {
        var embedding = new EmbeddingOptions { ModelId = ServedTestModel.Id, ModelDirectory = _root.Combine("m") };
        await using var service = new SiglipEmbeddingService(Options.Create(embedding));

        await RunAsync(_served.Manifest, embedding, service, autoDownload: false);

        Assert.Empty(_served.Server.Requests);
        Assert.Equal(EmbeddingModelState.Missing, service.Status.State);
    }

    private async Task RunAsync(ModelManifest manifest, EmbeddingOptions embedding, SiglipEmbeddingService service, bool autoDownload)
    {
        var store = new ModelStore(manifest, _root.Path, new ModelDownloader(_http) { MaxAttempts = 1 });
        using var fetcher = new ModelAutoDownloader(
            Options.Create(new ModelDownloadOptions { AutoDownload = autoDownload }),
            Options.Create(embedding),
            store,
            _monitor,
            service,
            TimeProvider.System,
            NullLogger<ModelAutoDownloader>.Instance);
        await fetcher.StartAsync(CancellationToken.None);
        await fetcher.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));
        await fetcher.StopAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _served.Dispose();
        _http.Dispose();
        _root.Dispose();
    }
}
