using System.CommandLine;
using System.Globalization;
using Gateway.Albums;
using Gateway.EmbeddedStore;
using Gateway.EmbeddedStore.Storage;
using Gateway.Hosting;
using Gateway.Jobs;
using Gateway.Peaks;
using Gateway.Photos.Ingestion;
using Gateway.Upstream;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Cli;

/// <summary>
/// <c>gateway index &lt;album&gt; [--full] [--rebuild-catalog] [--server URL]</c>: indexes an album with a console progress
/// bar, using the same configuration as the server. It runs the work in this process, unless a running gateway holds
/// the embedded store's data folder (one writer per folder) or <c>--server</c> names a gateway: then it starts the same
/// jobs there through <c>/_gateway/jobs</c> and follows their progress.
/// </summary>
internal static class IndexCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The command, for the gateway's command line.</summary>
    public static Command Create()
    {
        var album = new Argument<string>("album") { Description = "An album's name, or a folder that is not an album yet (it is added under the folder's name)" };
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
        var builder = Host.CreateApplicationBuilder(GatewayHostSettings.ForCommandLine());
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var console = CliConsole.For(output);
        Uri? remote;
        try
        {
            remote = server ?? GatewayHoldingTheStore(builder.Configuration);
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("gateway index: " + e.Message).ConfigureAwait(false);
            return 2;
        }

        foreach (var (key, legacyKey) in UpstreamLegacyKeys.InUse(builder.Configuration))
        {
            await error.WriteLineAsync($"gateway index: the setting {legacyKey} is deprecated and still used: set {key} instead").ConfigureAwait(false);
        }

        if (remote is not null)
        {
            if (server is null)
            {
                console.WriteLine($"a running gateway holds the embedded store; starting the jobs there ({remote})");
            }

            return await RunRemoteAsync(remote, album, full, rebuildCatalog, console, error, cancellationToken).ConfigureAwait(false);
        }

        builder.Services.AddGatewayFolders();
        builder.AddUpstream();
        builder.Services.AddEmbeddingModels();
        builder.Services.AddPeakCatalog();
        builder.Services.AddPhotoIngestion();
        builder.Services.TryAddSingleton<AlbumRegistry>();
        builder.Services.TryAddSingleton<CatalogBuilder>();
        using var host = builder.Build();
        try
        {
            var ingestor = host.Services.GetRequiredService<PhotoIngestor>();
            var registry = host.Services.GetRequiredService<AlbumRegistry>();
            var target = full ? null : registry.Find(album);
            if (!full && target is null)
            {
                // Not an album yet: a folder becomes one under its own name (kept in the data folder's album list).
                var name = AlbumNames.FromFolder(album);
                if (registry.Add(name, Path.GetFullPath(album)) is { } refused)
                {
                    await error.WriteLineAsync($"gateway index: [{album}] is neither an album nor a folder that can become one: {refused.Reason}").ConfigureAwait(false);
                    return 2;
                }

                target = registry.Find(name)!;
                console.WriteLine($"added album {name} ({target.Root})");
            }

            // As the running gateway does at start-up, a missing or outdated catalog index is built before the album, so
            // the first photos indexed from the command line have their peaks predicted.
            var catalog = host.Services.GetRequiredService<CatalogBuilder>();
            var why = rebuildCatalog ? "--rebuild-catalog" : await catalog.WhyRebuildAsync(cancellationToken).ConfigureAwait(false);
            if (why is not null)
            {
                console.WriteLine($"building the peak catalog first ({why})");
                var rebuilt = await catalog.RebuildAsync(false, cancellationToken).ConfigureAwait(false);
                if (rebuilt.Failure is { } catalogFailure)
                {
                    await error.WriteLineAsync("gateway index: " + catalogFailure).ConfigureAwait(false);
                    return 2;
                }

                console.WriteLine($"catalog: {rebuilt.Value.Updated} updated, {rebuilt.Value.Unchanged} unchanged, {rebuilt.Value.Deleted} deleted, {rebuilt.Value.Failures.Count} failed");
                foreach (var failure in rebuilt.Value.Failures)
                {
                    console.WriteLine("  catalog: " + failure);
                }
            }

            var indexed = await console.ProgressAsync(context =>
            {
                var bar = new IngestProgressTask(context, console);
                return full
                    ? ingestor.FullReindexAsync(registry.All().Select(AlbumRegistry.ToOptions).ToList(), bar, cancellationToken)
                    : ingestor.IndexAlbumAsync(AlbumRegistry.ToOptions(target!), bar, cancellationToken);
            }).ConfigureAwait(false);
            if (indexed.Failure is { } indexFailure)
            {
                await error.WriteLineAsync("gateway index: " + indexFailure).ConfigureAwait(false);
                return 2;
            }

            var result = indexed.Value;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Index}: {result.Indexed} indexed, {result.Unchanged} unchanged, {result.Deleted} deleted, {result.Failures.Count} failed of {result.Total} ({result.PhotosPerSecond:F2} photos/s)"));
            foreach (var failure in result.Failures)
            {
                console.WriteLine($"  failed: {failure.Album}/{failure.Path}: {failure.Reason}");
            }

            foreach (var warning in result.Warnings)
            {
                console.WriteLine("  warning: " + warning);
            }

            return result.Failures.Count == 0 ? 0 : 1;
        }
        catch (Exception e) when (e is ArgumentException or PeakCatalogException or DataFolderInUseException)
        {
            await error.WriteLineAsync("gateway index: " + e.Message).ConfigureAwait(false);
            return 2;
        }
    }

    private static async Task<int> RunRemoteAsync(Uri server, string album, bool full, bool rebuildCatalog, CliConsole console, TextWriter error, CancellationToken cancellationToken)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/"), Timeout = TimeSpan.FromSeconds(30) };
        if (Environment.GetEnvironmentVariable("GATEWAY_ADMIN_PASSWORD") is { Length: > 0 } password)
        {
            // Starting jobs needs the admin: Basic credentials from the environment, never from the command line.
            var user = Environment.GetEnvironmentVariable("GATEWAY_ADMIN_USER") is { Length: > 0 } name ? name : "admin";
            http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + password)));
        }

        try
        {
            return await console.ProgressAsync(context => new RemoteIndexRunner(http, console, new IngestProgressTask(context, console), PollInterval)
                .RunAsync(album, full, rebuildCatalog, cancellationToken)).ConfigureAwait(false);
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
        if (UpstreamLegacyKeys.ConflictError(configuration) is { } conflict)
        {
            throw new OptionsValidationException(UpstreamOptions.SectionName, typeof(UpstreamOptions), [conflict]);
        }

        var upstream = ValidatedOptions.Read<UpstreamOptions>(configuration, UpstreamOptions.SectionName, o => UpstreamLegacyKeys.Apply(o, configuration));
        var store = ValidatedOptions.Read<EmbeddedStoreOptions>(configuration, EmbeddedStoreOptions.SectionName);
        if (!upstream.IsEmbedded || !DataFolderLock.IsHeld(GatewayFolders.From(configuration).Data(store.DataPath)))
        {
            return null;
        }

        return ListenAddress.FirstClientUri(configuration["Urls"] ?? configuration["ASPNETCORE_URLS"]);
    }
}
