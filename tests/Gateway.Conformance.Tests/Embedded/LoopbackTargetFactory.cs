using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gateway.Conformance.Tests;

/// <summary>
/// The embedded store as any HTTP client sees it: registered with <c>AddEmbeddedStore()</c> in a host, served by its
/// loopback listener on a free port, reached over a socket. Finds what only the HTTP transport gets wrong.
/// </summary>
internal static class LoopbackTargetFactory
{
    public static ConformanceTarget Create()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "gateway-conformance-" + Guid.NewGuid().ToString("N"));
        var url = $"http://127.0.0.1:{FreePort()}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EmbeddedStore:DataPath"] = dataPath,
            ["EmbeddedStore:ListenUrl"] = url,

            // As Elasticsearch's YAML test clusters run (their tests reset the setting to false in teardown).
            ["EmbeddedStore:DestructiveRequiresName"] = "false",
        });
        builder.Services.AddEmbeddedStore();
        var host = builder.Build();
        host.StartAsync().GetAwaiter().GetResult();
        var http = new HttpClient { BaseAddress = new Uri(url + "/"), Timeout = TimeSpan.FromMinutes(2) };
        return new ConformanceTarget(http, $"embedded store over loopback HTTP ({url}, {dataPath})", embedded: true, new HostLease(host, dataPath));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
