using Microsoft.Extensions.Hosting;

namespace Gateway.Embeddings.Service;

/// <summary>Loads the model in the background at start-up when its files are present, so the first query does not
/// pay for it; a missing model is reported by the service's status, and the host keeps starting.</summary>
internal sealed class EmbeddingModelWarmup(IEmbeddingService service) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        service is SiglipEmbeddingService siglip
            ? Task.Run(() => siglip.TryLoad(), stoppingToken)
            : Task.CompletedTask;
}
