using System.Text.Json.Nodes;
using Gateway.Peaks.Catalog;
using Gateway.Peaks.Yaml;
using Gateway.TestModels;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Peaks.Tests.Catalog;

public sealed class PeakCatalogIndexerTests(UpstreamFixture fixture) : IClassFixture<UpstreamFixture>
{
    // The colour test model understands colour words only, so these peaks carry a colour alias: "red" must find Red Peak.
    private const string Catalog = """
        peaks:
          - id: red-peak
            names: {en: [Red Peak, red]}
            lat: 27.9
            lon: 86.8
            elev_m: 6000
            source: test
          - id: blue-peak
            names: {en: [Blue Peak, blue], ja: [青い山]}
            lat: 27.95
            lon: 86.85
            elev_m: 6500
            source: test
          - id: green-peak
            names: {en: [Green Peak, green]}
            lat: 27.85
            lon: 86.75
            elev_m: 5500
            reference_photos: refs/green
            source: test
        """;

    [Fact]
    public async Task Rebuild_IsIncrementalAndDeletesRemovedPeaks()
    {
        var (indexer, dir) = Create("incremental");
        var peaks = PeakCatalogYaml.Load(Catalog);

        var first = (await indexer.RebuildAsync(peaks, dir)).Value;
        var second = (await indexer.RebuildAsync(peaks, dir)).Value;
        var changed = peaks.Select(p => p.Id == "red-peak" ? p with { ElevationM = 6001 } : p).Where(p => p.Id != "blue-peak").ToList();
        var third = (await indexer.RebuildAsync(changed, dir)).Value;

        Assert.Equal((3, 3, 0, 0), (first.Total, first.Updated, first.Unchanged, first.Deleted));
        Assert.Equal((3, 0, 3, 0), (second.Total, second.Updated, second.Unchanged, second.Deleted));
        Assert.Equal((2, 1, 1, 1), (third.Total, third.Updated, third.Unchanged, third.Deleted));
        Assert.Empty(first.Failures);
        var ids = await StoredIdsAsync(indexer.IndexName);
        Assert.Equal(["green-peak", "red-peak"], ids);
    }

    [Fact]
    public async Task Rebuild_CreatesMappingWithModelDimensions()
    {
        var (indexer, dir) = Create("mapping");

        _ = (await indexer.RebuildAsync(PeakCatalogYaml.Load(Catalog), dir)).Value;

        var mapping = await fixture.Upstream.SendSuccessfullyAsync(HttpMethod.GET, $"/{indexer.IndexName}/_mapping");
        var vector = mapping![indexer.IndexName]!["mappings"]!["properties"]!["text_embed"]!;
        Assert.Equal(fixture.Model.Dimensions, vector["dims"]!.GetValue<int>());
        Assert.Equal("cosine", vector["similarity"]!.GetValue<string>());
        Assert.Equal(16, vector["index_options"]!["m"]!.GetValue<int>());
        Assert.Equal("keyword", mapping[indexer.IndexName]!["mappings"]!["properties"]!["names"]!["fields"]!["raw"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("red", "red-peak")]
    [InlineData("blue", "blue-peak")]
    [InlineData("green", "green-peak")]
    public async Task Prototype_NearestToColourQuery_IsThatPeak(string query, string expected)
    {
        var (indexer, dir) = Create("knn-" + query);
        _ = (await indexer.RebuildAsync(PeakCatalogYaml.Load(Catalog), dir)).Value;
        var vector = (await fixture.Prompts.EmbedQueryAsync(query)).Value;

        var body = new JsonObject
        {
            ["knn"] = new JsonObject
            {
                ["field"] = "text_embed",
                ["query_vector"] = new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
                ["k"] = 1,
                ["num_candidates"] = 10,
            },
        };
        var result = await fixture.Upstream.SendSuccessfullyAsync(HttpMethod.POST, $"/{indexer.IndexName}/_search", body.ToJsonString());

        Assert.Equal(expected, result!["hits"]!["hits"]![0]!["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rebuild_ReferencePhotosAreBlendedAndTheirChangeTriggersRebuild()
    {
        var (indexer, dir) = Create("refs");
        var peaks = PeakCatalogYaml.Load(Catalog);
        var refs = Directory.CreateDirectory(Path.Combine(dir, "refs", "green"));
        await File.WriteAllBytesAsync(Path.Combine(refs.FullName, "a.jpg"), TestImages.SolidJpeg(TestColor.Named("green")));

        _ = (await indexer.RebuildAsync(peaks, dir)).Value;
        await File.WriteAllBytesAsync(Path.Combine(refs.FullName, "b.png"), TestImages.SolidPng(TestColor.Named("green")));
        var again = (await indexer.RebuildAsync(peaks, dir)).Value;

        Assert.Equal(1, again.Updated);
        var doc = await fixture.Upstream.SendSuccessfullyAsync(HttpMethod.GET, $"/{indexer.IndexName}/_doc/green-peak");
        Assert.Equal(2, doc!["_source"]!["reference_photo_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task ExportYaml_ReadsBackTheStoredCatalog()
    {
        var (indexer, dir) = Create("export");
        var peaks = PeakCatalogYaml.Load(Catalog);
        _ = (await indexer.RebuildAsync(peaks, dir)).Value;

        var exported = PeakCatalogYaml.Load((await indexer.ExportYamlAsync()).Value);

        Assert.Equal(["blue-peak", "red-peak", "green-peak"], exported.Select(p => p.Id));
        var blue = exported[0];
        Assert.Equal(["青い山"], blue.Names["ja"]);
        Assert.Equal(27.95, blue.Latitude);
        Assert.Equal(6500, blue.ElevationM);
    }

    [Fact]
    public async Task Rebuild_UpstreamRefusesTheIndex_AnswersTheFailure()
    {
        var dir = Directory.CreateDirectory(Path.Combine(fixture.Root, "refused")).FullName;

        // Index names must be lower case: the upstream refuses to create this one.
        var indexer = new PeakCatalogIndexer(fixture.Upstream, fixture.Embeddings, fixture.Prompts, new PeaksOptions { IndexName = "Peaks_Refused" });

        var rebuilt = await indexer.RebuildAsync(PeakCatalogYaml.Load(Catalog), dir);

        Assert.False(rebuilt.Succeeded);
        Assert.StartsWith("PUT /Peaks_Refused failed with status 400: ", rebuilt.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UpstreamRefuses_AnswersTheFailure()
    {
        var indexer = new PeakCatalogIndexer(fixture.Upstream, fixture.Embeddings, fixture.Prompts, new PeaksOptions { IndexName = "Peaks_Refused" });

        var exported = await indexer.ExportYamlAsync();

        Assert.False(exported.Succeeded);
        Assert.StartsWith("POST /Peaks_Refused/_search failed with status ", exported.Failure, StringComparison.Ordinal);
    }

    private (PeakCatalogIndexer Indexer, string Dir) Create(string name)
    {
        var dir = Directory.CreateDirectory(Path.Combine(fixture.Root, name)).FullName;
        var options = new PeaksOptions { IndexName = "peaks_" + name.Replace('-', '_') };
        return (new PeakCatalogIndexer(fixture.Upstream, fixture.Embeddings, fixture.Prompts, options), dir);
    }

    private async Task<List<string>> StoredIdsAsync(string index)
    {
        var result = await fixture.Upstream.SendSuccessfullyAsync(HttpMethod.POST, $"/{index}/_search", """{"size":100,"sort":[{"id":"asc"}]}""");
        return (result!["hits"]!["hits"] as JsonArray)!.Select(h => h!["_id"]!.GetValue<string>()).ToList();
    }
}
