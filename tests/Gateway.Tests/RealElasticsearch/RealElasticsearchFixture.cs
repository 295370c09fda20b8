using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Gateway.TestModels;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.RealElasticsearch;

/// <summary>
/// Elasticsearch 9 (single node, security on, plain HTTP, as in docker-compose.yml) in a Testcontainers generic
/// container, the real gateway in front of it with the generated colour models, seeded by <see cref="ColorPhotoSeeder"/>.
/// Without a reachable Docker engine nothing starts and <see cref="UnavailableReason"/> says why, so the scenarios
/// report a skip instead of failing. Any other failure (image pull, start-up) fails the tests.
/// </summary>
public sealed class RealElasticsearchFixture : IAsyncLifetime
{
    /// <summary>The image; override with GATEWAY_TEST_ES_IMAGE.</summary>
    public static readonly string Image = Environment.GetEnvironmentVariable("GATEWAY_TEST_ES_IMAGE") ?? "docker.elastic.co/elasticsearch/elasticsearch:9.1.5";

    public const string User = "elastic";

    public const string Password = "gateway-tests-Pw1";

    private readonly TempDirectory _temp = new();
    private IContainer? _container;
    private GatewayHost? _host;

    /// <summary>Why the scenarios are skipped (no Docker engine), or null when Elasticsearch runs.</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>The official client pointed at the gateway, with the cluster's credentials.</summary>
    public ElasticsearchClient Client { get; private set; } = null!;

    /// <summary>A plain client for the gateway (no credentials: they are sent per request where needed).</summary>
    public HttpClient Http => _host!.Http;

    public async Task InitializeAsync()
    {
        try
        {
            _container = new ContainerBuilder(Image)
                .WithEnvironment("discovery.type", "single-node")
                .WithEnvironment("xpack.security.enabled", "true")
                .WithEnvironment("xpack.security.http.ssl.enabled", "false")
                .WithEnvironment("ELASTIC_PASSWORD", Password)
                .WithEnvironment("ES_JAVA_OPTS", "-Xms1g -Xmx1g")
                .WithPortBinding(9200, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request
                    .ForPort(9200)
                    .ForPath("/_cluster/health?wait_for_status=yellow&timeout=60s")
                    .WithBasicAuthentication(User, Password)))
                .Build();
            await _container.StartAsync();
        }
        catch (DockerUnavailableException e)
        {
            UnavailableReason = $"no Docker engine is reachable, so the scenarios against a real Elasticsearch ({Image}) are skipped: {e.Message}";
            return;
        }

        var upstream = new Uri($"http://{_container.Hostname}:{_container.GetMappedPublicPort(9200)}/");
        var model = TestModelFactory.WriteTo(Path.Combine(_temp.Path, "model"));
        _host = GatewayHost.Start(_temp.Path, model.Directory, new Dictionary<string, string?>
        {
            ["Upstream:Url"] = upstream.ToString(),
            ["Upstream:Username"] = User,
            ["Upstream:Password"] = Password,
        });
        Client = new ElasticsearchClient(new ElasticsearchClientSettings(_host.Address)
            .Authentication(new BasicAuthentication(User, Password))
            .DisableDirectStreaming());
        await ColorPhotoSeeder.SeedAsync(Client, Http, model.Dimensions);
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }

        _temp.Dispose();
    }
}
