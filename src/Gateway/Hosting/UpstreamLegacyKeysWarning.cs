using Gateway.Upstream;

namespace Gateway.Hosting;

/// <summary>Names the new key of every legacy <c>Gateway:Upstream*</c> key in use, once, when the host starts.</summary>
internal sealed class UpstreamLegacyKeysWarning(IConfiguration configuration, ILogger<UpstreamLegacyKeysWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, legacyKey) in UpstreamLegacyKeys.InUse(configuration))
        {
            UpstreamLog.LegacyKey(logger, legacyKey, key);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
