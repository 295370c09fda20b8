using System.CommandLine;
using Gateway.Peaks;
using Gateway.Peaks.Catalog;
using Gateway.Photos.Ingestion;

namespace Gateway.Jobs;

/// <summary>
/// <c>gateway index &lt;album&gt; [--full] [--rebuild-catalog]</c>: indexes an album in this process with a console
/// progress bar, using the same configuration as the server. With the embedded store, run it while the server is
/// stopped (the store's data folder has one writer), or start the job through <c>POST /_gateway/jobs</c> instead.
/// </summary>
public static class IndexCommand
{
    /// <summary>The command, for the gateway's command line.</summary>
    public static Command Create()
    {
        var album = new Argument<string>("album") { Description = "The album name (Photos:Albums in the configuration)" };
        var full = new Option<bool>("--full") { Description = "Reindex every album into a new index and swap the alias (after a model change)" };
        var catalog = new Option<bool>("--rebuild-catalog") { Description = "Rebuild changed peak prototypes first" };
        var command = new Command("index", "Index a photo album into the photos alias, with a progress bar") { album, full, catalog };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(album)!, result.GetValue(full), result.GetValue(catalog), Console.Out, cancellationToken));
        return command;
    }

    /// <summary>Runs the indexing; returns the process exit code (0 ok, 1 some files failed, 2 the run failed).</summary>
    public static async Task<int> RunAsync(string album, bool full, bool rebuildCatalog, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var builder = Host.CreateApplicationBuilder();
        builder.AddUpstream();
        builder.Services.AddEmbeddingModels();
        builder.Services.AddPeakCatalog();
        builder.Services.AddPhotoIngestion();
        using var host = builder.Build();
        var ingestor = host.Services.GetRequiredService<PhotoIngestor>();
        try
        {
            if (rebuildCatalog)
            {
                var catalog = host.Services.GetRequiredService<PeakCatalog>();
                var rebuilt = await host.Services.GetRequiredService<PeakCatalogIndexer>()
                    .RebuildAsync(catalog.Reload(), catalog.Directory, false, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"catalog: {rebuilt.Updated} updated, {rebuilt.Unchanged} unchanged, {rebuilt.Deleted} deleted").ConfigureAwait(false);
            }

            var bar = new ConsoleProgressBar(output, !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out));
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
        catch (Exception e) when (e is ArgumentException or PeakCatalogException or Gateway.Embeddings.EmbeddingUnavailableException or Gateway.Peaks.Upstream.UpstreamException)
        {
            await Console.Error.WriteLineAsync("gateway index: " + e.Message).ConfigureAwait(false);
            return 2;
        }
    }
}
