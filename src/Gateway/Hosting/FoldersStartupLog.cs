using Gateway.EmbeddedStore;
using Gateway.Embeddings.Service;
using Gateway.Peaks.Catalog;
using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>Logs where the gateway reads shipped files from and writes its data to, once at start-up.</summary>
internal sealed class FoldersStartupLog(
    GatewayFolders folders,
    IOptions<EmbeddedStoreOptions> store,
    IOptions<EmbeddingOptions> embeddings,
    IOptions<PeaksOptions> peaks,
    IServiceProvider services,
    ILogger<GatewayFolders> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folders.DataFolder);
        FoldersLog.Folders(logger, folders.AppFolder, folders.DataFolder);
        var webRoot = services.GetService<IWebHostEnvironment>()?.WebRootPath ?? "(no web host)";
        FoldersLog.Files(logger, store.Value.DataPath, embeddings.Value.ResolveModelDirectory(), peaks.Value.CatalogPath, webRoot);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
