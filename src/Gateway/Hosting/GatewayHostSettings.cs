namespace Gateway.Hosting;

/// <summary>
/// Host settings that make the content root (appsettings.json) and the web root (wwwroot) the app's own folder rather
/// than the working directory, so <c>dotnet run --project src/Gateway</c> from any folder, the build or publish output
/// started from any directory, and the Docker image all find the files the product ships.
/// </summary>
internal static class GatewayHostSettings
{
    /// <summary>For the web host.</summary>
    public static WebApplicationOptions ForWeb(string[] args) => new()
    {
        Args = args,
        ContentRootPath = AppContext.BaseDirectory,
        WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
    };

    /// <summary>For the command line's generic host.</summary>
    public static HostApplicationBuilderSettings ForCommandLine() => new() { ContentRootPath = AppContext.BaseDirectory };
}
