using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gateway.EmbeddedStore.Tests.Rest;

public sealed class ListenerTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "listener-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AddEmbeddedStore_ServesHandlerAndLoopbackPort()
    {
        var port = FreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EmbeddedStore:DataPath"] = _data,
            ["EmbeddedStore:ListenUrl"] = "http://127.0.0.1:" + port,
        });
        builder.Services.AddEmbeddedStore();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            using var overSocket = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + port) };
            using var inProcess = new HttpClient(host.Services.GetRequiredService<EmbeddedStoreHandler>(), disposeHandler: false) { BaseAddress = new Uri("http://embedded") };

            using var put = await overSocket.PutAsync("/sock/_doc/1?refresh=true", new StringContent("""{"a":1}""", System.Text.Encoding.UTF8, "application/json"));
            using var get = await inProcess.GetAsync("/sock/_doc/1");
            using var root = await overSocket.GetAsync("/");

            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal("Elasticsearch", root.Headers.GetValues("X-Elastic-Product").Single());
            Assert.Equal(Path.GetFullPath(_data), host.Services.GetRequiredService<EmbeddedStore>().DataPath);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
