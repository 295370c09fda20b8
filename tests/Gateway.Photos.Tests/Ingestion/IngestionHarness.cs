using System.Text.Json.Nodes;
using Gateway.Peaks.Catalog;
using Gateway.Peaks.Yaml;
using Gateway.Photos.Ingestion;
using Gateway.TestModels;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Photos.Tests.Ingestion;

/// <summary>An album folder in a temp dir, a colour peak catalog and an ingestor writing to its own alias.</summary>
internal sealed class IngestionHarness
{
    private readonly UpstreamFixture _fixture;

    public IngestionHarness(UpstreamFixture fixture, string name, bool catalog = true, Gateway.Embeddings.IEmbeddingService? embeddings = null)
    {
        _fixture = fixture;
        AlbumRoot = Directory.CreateDirectory(Path.Combine(fixture.Root, name, "Trek 2023 – Khumbu")).FullName;
        var peaksOptions = new PeaksOptions { IndexName = "peaks_" + name };
        Catalog = new PeakCatalogIndexer(fixture.Upstream, fixture.Embeddings, fixture.Prompts, peaksOptions);
        Options = new PhotosOptions { Alias = "photos_" + name, BatchSize = 4, Workers = 4, Albums = [new AlbumOptions { Name = "ebc", Root = AlbumRoot }] };
        Ingestor = new PhotoIngestor(fixture.Upstream, embeddings ?? fixture.Embeddings, Catalog, Microsoft.Extensions.Options.Options.Create(Options));
        WithCatalog = catalog;
    }

    public string AlbumRoot { get; }

    public PeakCatalogIndexer Catalog { get; }

    public PhotosOptions Options { get; }

    public PhotoIngestor Ingestor { get; }

    public bool WithCatalog { get; }

    public async Task BuildCatalogAsync() => _ = (await Catalog.RebuildAsync(PeakCatalogYaml.Load(ColourCatalog.RedBlueAndEverest), AlbumRoot)).Value;

    public string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(AlbumRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string CopyShared(string sharedRelative, string albumRelative) =>
        Write(albumRelative, File.ReadAllBytes(Path.Combine(SharedData.PhotosDir!, sharedRelative)));

    public static byte[] Colour(string name) => TestImages.SolidJpeg(TestColor.Named(name), 96, 64);

    public async Task<List<JsonNode>> DocumentsAsync()
    {
        var result = await _fixture.Upstream.SendSuccessfullyAsync(HttpMethod.POST, $"/{Options.Alias}/_search", """{"size":1000,"sort":[{"path":"asc"}],"_source":{"excludes":["clip_image"]}}""");
        return (result!["hits"]!["hits"] as JsonArray)!.Select(h => h!).ToList();
    }

    public async Task<IReadOnlyList<string>> AliasTargetsAsync() => await _fixture.Upstream.GetAliasTargetsAsync(Options.Alias);
}
