using System.CommandLine;
using Gateway.EmbeddedStore;
using Gateway.EmbeddedStore.Storage;
using Gateway.Peaks;
using Gateway.Peaks.Catalog;
using Gateway.Photos.Ingestion;
using Gateway.Upstream;

namespace Gateway.Cli;

/// <summary>
/// <c>gateway index &lt;album&gt; [--full] [--rebuild-catalog] [--server URL]</c>: indexes an album with a console progress
/// bar, using the same configuration as the server. It runs the work in this process, unless a running gateway holds
/// the embedded store's data folder (one writer per folder) or <c>--server</c> names a gateway: then it starts the same
/// jobs there through <c>/_gateway/jobs</c> and follows their progress.
/// </summary>
public static class IndexCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The command, for the gateway's command line.</summary>
    public static Command Create()
    {
        var album = new Argument<string>("album") { Description = "The album name (Photos:Albums in the configuration)" };
        var full = new Option<bool>("--full") { Description = "Reindex every album into a new index and swap the alias (after a model change)" };
        var catalog = new Option<bool>("--rebuild-catalog") { Description = "Rebuild changed peak prototypes first" };
        var server = new Option<Uri?>("--server") { Description = "Run the jobs on this running gateway (default: the configured Urls when a gateway holds the embedded store)" };
        var command = new Command("index", "Index a photo album into the photos alias, with a progress bar") { album, full, catalog, server };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(album)!, result.GetValue(full), result.GetValue(catalog), result.GetValue(server), Console.Out, Console.Error, null, cancellationToken));
        return command;
    }

    /// <summary>
    /// Runs the indexing; returns the process exit code (0 ok, 1 some files failed, 2 the run failed).
    /// Progress and results go to <paramref name="output"/>, errors to <paramref name="error"/>; <paramref name="settings"/>
    /// overrides configuration (tests).
    /// </summary>
    public static async Task<int> RunAsync(string album, bool full, bool rebuildCatalog, Uri? server, TextWriter output, TextWriter error, IDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var builder = Host.CreateApplicationBuilder();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var bar = new ConsoleProgressBar(output, !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out));
        var remote = server ?? GatewayHoldingTheStore(builder.Configuration);
        if (remote is not null)
        {
            if (server is null)
            {
                await output.WriteLineAsync($"a running gateway holds the embedded store; starting the jobs there ({remote})").ConfigureAwait(false);
            }

            return await RunRemoteAsync(remote, album, full, rebuildCatalog, output, error, bar, cancellationToken).ConfigureAwait(false);
        }

        builder.AddUpstream();
        builder.Services.AddEmbeddingModels();
        builder.Services.AddPeakCatalog();
        builder.Services.AddPhotoIngestion();
        using var host = builder.Build();
        try
        {
            var ingestor = host.Services.GetRequiredService<PhotoIngestor>();
            if (rebuildCatalog)
            {
                var catalog = host.Services.GetRequiredService<PeakCatalog>();
                var rebuilt = await host.Services.GetRequiredService<PeakCatalogIndexer>()
                    .RebuildAsync(catalog.Reload(), catalog.Directory, false, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"catalog: {rebuilt.Updated} updated, {rebuilt.Unchanged} unchanged, {rebuilt.Deleted} deleted").ConfigureAwait(false);
            }

            var result = full
                ? await ingestor.FullReindexAsync(bar, cancellationToken).ConfigureAwait(false)
                : await ingestor.IndexAlbumAsync(album, bar, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{result.Index}: {result.Indexed} indexed, {result.Unchanged} unchanged, {result.Deleted} deleted, {result.Failures.Count} failed of {result.Total} ({result.PhotosPerSecond:F2} photos/s)").ConfigureAwait(false);
            foreach (var failure in result.Failures)
            {
                await output.WriteLineAsync($"  failed: {failure.Album}/{failure.Path}: {failure.Reason}").ConfigureAwait(false);
            }

            foreach (var warning in result.Warnings)
            {
                await output.WriteLineAsync("  warning: " + warning).ConfigureAwait(false);
            }

            return result.Failures.Count == 0 ? 0 : 1;
        }
        catch (Exception e) when (e is ArgumentException or PeakCatalogException or DataFolderInUseException or Gateway.Embeddings.EmbeddingUnavailableException or UpstreamException)
        {
            await error.WriteLineAsync("gateway index: " + e.Message).ConfigureAwait(false);
            return 2;
        }
    }

    private static async Task<int> RunRemoteAsync(Uri server, string album, bool full, bool rebuildCatalog, TextWriter output, TextWriter error, IProgress<IngestProgress> bar, CancellationToken cancellationToken)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            return await new RemoteIndexRunner(http, output, bar, PollInterval).RunAsync(album, full, rebuildCatalog, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"gateway index: no gateway answers at {server} ({e.Message}); start it, pass --server, or stop the process that holds the embedded store").ConfigureAwait(false);
            return 2;
        }
        catch (RemoteJobException e)
        {
            await error.WriteLineAsync("gateway index: " + e.Message).ConfigureAwait(false);
            return 2;
        }
    }

    /// <summary>The configured listen address of the gateway, when the upstream is embedded and its data folder is held.</summary>
    private static Uri? GatewayHoldingTheStore(IConfiguration configuration)
    {
        var upstream = configuration.GetSection(UpstreamOptions.SectionName).Get<UpstreamOptions>() ?? new UpstreamOptions();
        var store = configuration.GetSection(EmbeddedStoreOptions.SectionName).Get<EmbeddedStoreOptions>() ?? new EmbeddedStoreOptions();
        if (!upstream.IsEmbedded || !DataFolderLock.IsHeld(Path.GetFullPath(store.DataPath)))
        {
            return null;
        }

        return ListenAddress.FirstClientUri(configuration["Urls"] ?? configuration["ASPNETCORE_URLS"]);
    }
}
