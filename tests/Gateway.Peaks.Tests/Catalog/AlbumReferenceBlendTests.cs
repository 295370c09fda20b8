using System.Text.Json.Nodes;
using Gateway.Embeddings;
using Gateway.Embeddings.Vectors;
using Gateway.Peaks.Catalog;
using Gateway.Peaks.Yaml;
using Gateway.TestModels;
using Gateway.Upstream;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Peaks.Tests.Catalog;

/// <summary>Album references: their stored vectors are blended into the prototype like folder reference photos.</summary>
public sealed class AlbumReferenceBlendTests(UpstreamFixture fixture) : IClassFixture<UpstreamFixture>
{
    private const string Catalog = """
        peaks:
          - id: red-peak
            names: {en: [Red Peak, red]}
            lat: 27.9
            lon: 86.8
            elev_m: 6000
            album_references:
              - {album: ebc, path: day1/green.jpg}
              - {album: ebc, path: day2/not-indexed-yet.jpg}
            album_negatives:
              - {album: ebc, path: day1/blue.jpg}
        """;

    [Fact]
    public async Task Rebuild_BlendsIndexedAlbumReferences_055Text045Images()
    {
        var (indexer, dir, photos) = await CreateAsync("blend");
        var green = await IndexPhotoAsync(photos, "day1/green.jpg", "green");
        var peak = Assert.Single(PeakCatalogYaml.Load(Catalog));

        var result = (await indexer.RebuildAsync([peak], dir)).Value;

        Assert.Empty(result.Failures);
        var text = (await fixture.Prompts.EmbedPeakAsync(peak.AllNames)).Value;
        var expected = PrototypeMath.Blend(text, [green], 0.55f, 0.45f);
        var stored = await StoredAsync(indexer.IndexName);
        Assert.Equal(expected.Length, stored.Vector.Length);
        Assert.All(expected.Zip(stored.Vector), p => Assert.Equal(p.First, p.Second, 1e-5f));
        Assert.Equal(1, stored.Source["reference_photo_count"]!.GetValue<int>());
        Assert.Equal("day1/blue.jpg", stored.Source["album_negatives"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rebuild_AReferenceIndexedLater_ChangesThePrototype()
    {
        var (indexer, dir, photos) = await CreateAsync("later");
        await IndexPhotoAsync(photos, "day1/green.jpg", "green");
        var peaks = PeakCatalogYaml.Load(Catalog);
        _ = (await indexer.RebuildAsync(peaks, dir)).Value;
        var before = await StoredAsync(indexer.IndexName);

        await IndexPhotoAsync(photos, "day2/not-indexed-yet.jpg", "red");
        var again = (await indexer.RebuildAsync(peaks, dir)).Value;

        Assert.Equal(1, again.Updated);
        var after = await StoredAsync(indexer.IndexName);
        Assert.Equal(2, after.Source["reference_photo_count"]!.GetValue<int>());
        Assert.NotEqual(before.Vector, after.Vector);
    }

    [Fact]
    public async Task ExportYaml_KeepsAlbumReferencesAndNegatives()
    {
        var (indexer, dir, _) = await CreateAsync("export");
        _ = (await indexer.RebuildAsync(PeakCatalogYaml.Load(Catalog), dir)).Value;

        var exported = Assert.Single(PeakCatalogYaml.Load((await indexer.ExportYamlAsync()).Value));

        Assert.Equal([new AlbumPhoto("ebc", "day1/green.jpg"), new AlbumPhoto("ebc", "day2/not-indexed-yet.jpg")], exported.AlbumReferences);
        Assert.Equal([new AlbumPhoto("ebc", "day1/blue.jpg")], exported.AlbumNegatives);
    }

    private async Task<(PeakCatalogIndexer Indexer, string Dir, string Photos)> CreateAsync(string name)
    {
        var dir = Directory.CreateDirectory(Path.Combine(fixture.Root, "album-refs-" + name)).FullName;
        var photos = "photos_refs_" + name;
        await fixture.Upstream.SendSuccessfullyAsync(HttpMethod.PUT, "/" + photos, $$$"""
            {"mappings":{"properties":{"album":{"type":"keyword"},"path":{"type":"keyword"},
              "clip_image":{"type":"dense_vector","dims":{{{fixture.Model.Dimensions}}},"index":true,"similarity":"cosine"} } } }
            """);
        var options = new PeaksOptions { IndexName = "peaks_refs_" + name, PhotosIndex = photos };
        return (new PeakCatalogIndexer(fixture.Upstream, fixture.Embeddings, fixture.Prompts, options), dir, photos);
    }

    private async Task<float[]> IndexPhotoAsync(string index, string path, string colour)
    {
        var vector = (await fixture.Embeddings.EmbedImageAsync(TestImages.SolidJpeg(TestColor.Named(colour)), path, EmbeddingPriority.Indexing)).Value;
        var doc = new JsonObject { ["album"] = "ebc", ["path"] = path, ["clip_image"] = new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()) };
        await fixture.Upstream.SendSuccessfullyAsync(HttpMethod.PUT, $"/{index}/_doc/{Guid.NewGuid():N}?refresh=true", doc.ToJsonString());
        return vector;
    }

    private async Task<(float[] Vector, JsonNode Source)> StoredAsync(string index)
    {
        var doc = await fixture.Upstream.SendSuccessfullyAsync(HttpMethod.GET, $"/{index}/_doc/red-peak?_source_exclude_vectors=false");
        var source = doc!["_source"]!;
        return (JsonVectors.Read(source["text_embed"])!, source);
    }
}
