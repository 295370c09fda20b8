using System.Net;
using System.Net.Sockets;

namespace Gateway.Benchmarks;

/// <summary>Loopback addresses on ports the OS reports free.</summary>
internal static class FreePort
{
    public static Uri NextLoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
