namespace Gateway.Jobs;

/// <summary>Stands in for a Hangfire server on a query-only gateway (<c>Jobs:Worker = false</c>): it runs nothing.</summary>
internal sealed class NoJobServer : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
