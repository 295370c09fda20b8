using Microsoft.Extensions.Hosting;

namespace Gateway.Conformance.Tests;

/// <summary>Stops the host serving the store over loopback and removes its temporary data folder.</summary>
internal sealed class HostLease(IHost host, string dataPath) : IDisposable
{
    public void Dispose()
    {
        host.StopAsync().GetAwaiter().GetResult();
        host.Dispose();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the OS cleans it.
        }
    }
}
