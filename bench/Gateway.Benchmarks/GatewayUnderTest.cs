using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gateway.Benchmarks;

/// <summary>The real gateway host on a loopback Kestrel port, proxying to <see cref="FixedUpstream"/>.</summary>
internal sealed class GatewayUnderTest(Uri upstream, string dataDirectory) : WebApplicationFactory<Program>
{
    public Uri Start()
    {
        // The factory looks for the host's content root next to a solution file; point it at src/Gateway.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GATEWAY", Path.Combine(RepositoryRoot(), "src", "Gateway"));
        UseKestrel(0);
        StartServer();
        using var client = CreateClient();
        return client.BaseAddress!;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Gateway:Upstream", upstream.ToString());
        builder.UseSetting("EmbeddedStore:DataPath", Path.Combine(dataDirectory, "store"));
        builder.UseSetting("Embeddings:ModelDirectory", Path.Combine(dataDirectory, "no-model"));
        builder.UseSetting("Embeddings:Download:AutoDownload", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseEnvironment("Production");
    }
}
