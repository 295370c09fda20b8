using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.EmbeddedStore.Benchmarks.Serve;

/// <summary>
/// Serves a durable embedded store on a loopback URL through the real DI registration and
/// listener. The durability test starts this as a child process and kills it mid-load.
/// Prints <c>READY</c> once it accepts requests.
/// </summary>
internal static class StoreServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var data = Option(args, "--data") ?? Path.Combine(Path.GetTempPath(), "embedded-store-serve");
        var url = Option(args, "--url") ?? "http://127.0.0.1:9201";
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EmbeddedStore:DataPath"] = data,
            ["EmbeddedStore:ListenUrl"] = url,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddEmbeddedStore();
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("READY");
        await host.WaitForShutdownAsync();
        return 0;
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
