using Elastic.Clients.Elasticsearch;
using Gateway.Embeddings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Infrastructure;

/// <summary>The real gateway host on a loopback Kestrel port, configured through settings only.</summary>
internal sealed class GatewayHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private GatewayHost(Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _services = services;
    }

    /// <summary>The gateway's base address (http://127.0.0.1:port/).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>A plain HTTP client for the gateway.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Starts a gateway; <paramref name="dataDirectory"/> holds its embedded store; <paramref name="services"/>
    /// adds to the host's services after its own (the telemetry tests' in-memory exporters).</summary>
    public static GatewayHost Start(string dataDirectory, string? modelDirectory, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Gateway:DataFolder"] = dataDirectory,
            ["Jobs:BuildCatalogWhenReady"] = "false",
            ["EmbeddedStore:DataPath"] = Path.Combine(dataDirectory, "store"),
            ["EmbeddedStore:SyncOnWrite"] = "false",
            ["Embeddings:ModelDirectory"] = modelDirectory ?? Path.Combine(dataDirectory, "no-model"),
            ["Embeddings:Download:AutoDownload"] = "false",
            ["Embeddings:Download:ManifestPath"] = RepositoryPaths.ModelManifest,
            ["Embeddings:Download:ModelsRoot"] = Path.Combine(dataDirectory, "models"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new GatewayHost(all, services);
        host.UseKestrel(0);
        host.StartServer();
        host.Http = host.CreateClient();
        host.Address = host.Http.BaseAddress!;
        if (modelDirectory is not null)
        {
            // The gateway loads the model in the background at start-up and answers queries meanwhile with a 503; tests set
            // up and query at once, so they start once that load has ended (the jobs wait for it themselves).
            _ = host.Services.GetRequiredService<IEmbeddingService>().LoadAsync().AsTask().GetAwaiter().GetResult();
        }

        return host;
    }

    /// <summary>The official Elasticsearch client pointed at the gateway.</summary>
    public ElasticsearchClient ElasticClient() => new(new ElasticsearchClientSettings(Address).DisableDirectStreaming());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http?.Dispose();
        }

        base.Dispose(disposing);
    }
}
