using Elastic.Clients.Elasticsearch;
using Gateway.TestModels;

namespace Gateway.Tests.Infrastructure;

/// <summary>One gateway on the embedded store with the generated colour models, seeded by <see cref="ColorPhotoSeeder"/>.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private GatewayHost? _host;

    internal GatewayHost Host => _host!;

    public ElasticsearchClient Client { get; private set; } = null!;

    public HttpClient Http => Host.Http;

    public async Task InitializeAsync()
    {
        var model = TestModelFactory.WriteTo(Path.Combine(_temp.Path, "model"));
        _host = GatewayHost.Start(_temp.Path, model.Directory, new Dictionary<string, string?>
        {
            ["Gateway:Rewrite:MaxImageBytes"] = "200000",
            ["Gateway:Rewrite:MaxBodyBytes"] = "2000000",
        });
        Client = Host.ElasticClient();
        await ColorPhotoSeeder.SeedAsync(Client, Http, model.Dimensions);
    }

    public Task DisposeAsync()
    {
        _host?.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
