using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Gateway.Peaks.Catalog;
using Gateway.Peaks.Yaml;
using Gateway.Photos.Ingestion;
using Gateway.TestModels;
using Microsoft.Extensions.DependencyInjection;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// Two gateways on the embedded store with the colour test model and the shipped catalog (config/peaks.yaml, real
/// summit coordinates): <see cref="Open"/> identifies whatever scores (<c>Photos:MinSimilarity = -1</c>), <see cref="Strict"/>
/// nothing (<c>0.999</c>). Both hold <c>viewpoints</c> (their UI's photos index), a photos-mapped index of hand-made
/// documents with <c>peaks_in_frame</c> and <c>best_score</c>, one of them with IMG_2802's stored camera fields.
/// </summary>
public sealed class EbcGateway : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private GatewayHost? _open;
    private GatewayHost? _strict;

    internal GatewayHost Open => _open!;

    internal GatewayHost Strict => _strict!;

    public ElasticsearchClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var model = TestModelFactory.WriteTo(Path.Combine(_temp.Path, "model"));
        _open = await StartAsync("open", model, "-1");
        _strict = await StartAsync("strict", model, "0.999");
        Client = Open.ElasticClient();
    }

    public Task DisposeAsync()
    {
        _open?.Dispose();
        _strict?.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The admin password of both gateways (Basic credentials for the admin pages).</summary>
    public const string AdminPassword = "ebc test password";

    private async Task<GatewayHost> StartAsync(string name, TestModel model, string threshold)
    {
        var host = GatewayHost.Start(Path.Combine(_temp.Path, name), model.Directory, new Dictionary<string, string?>
        {
            ["Gateway:Admin:PasswordHash"] = Gateway.Admin.AdminPasswordHash.Create(AdminPassword, 1000),
            ["Gateway:Ui:PhotosIndex"] = "viewpoints",
            ["Peaks:CatalogPath"] = RepositoryPaths.CatalogFile,
            ["Photos:MinSimilarity"] = threshold,
            ["Gateway:Rewrite:MaxImageBytes"] = "10000000",
            ["Gateway:Rewrite:MaxBodyBytes"] = "20000000",
        });
        var peaks = PeakCatalogYaml.LoadFile(RepositoryPaths.CatalogFile);
        _ = (await host.Services.GetRequiredService<PeakCatalogIndexer>().RebuildAsync(peaks, Path.GetDirectoryName(RepositoryPaths.CatalogFile)!)).Value;
        await SeedViewpointsAsync(host.ElasticClient(), model.Dimensions);
        return host;
    }

    private static async Task SeedViewpointsAsync(ElasticsearchClient client, int dimensions)
    {
        await client.OkAsync(TransportMethod.PUT, "/viewpoints", PhotosMapping.Create(dimensions).ToJsonString());
        static JsonObject Seen(string id, double km, double fromPeak) =>
            new() { ["id"] = id, ["distance_km"] = km, ["bearing_deg"] = (fromPeak + 180) % 360, ["bearing_from_peak_deg"] = fromPeak };
        var docs = new Dictionary<string, JsonObject>
        {
            // Ama Dablam 8 km from the south-west.
            ["sw-near"] = new() { ["peaks_in_frame"] = new JsonArray(Seen("ama-dablam", 8.1, 225)), ["best_score"] = 0.31, ["predicted_peaks"] = new JsonArray("ama-dablam") },

            // Ama Dablam 20 km away, Everest 5 km: a flat object would wrongly match "Ama Dablam within 15 km".
            ["mixed"] = new() { ["peaks_in_frame"] = new JsonArray(Seen("ama-dablam", 20, 200), Seen("everest", 5, 210)), ["best_score"] = 0.12 },

            // Ama Dablam 12 km from the north-west.
            ["nw"] = new() { ["peaks_in_frame"] = new JsonArray(Seen("ama-dablam", 12, 330)), ["best_score"] = 0.13 },
            ["none"] = new() { ["peaks_in_frame"] = new JsonArray() },

            // IMG_2802's stored camera fields (Kala Patthar, facing Everest).
            ["kala-patthar"] = new()
            {
                ["gps"] = new JsonObject { ["lat"] = 27.9974361111111, ["lon"] = 86.8472972222222 },
                ["direction_deg"] = 97.87,
                ["focal_35mm"] = 48,
                ["orientation"] = 1,
                ["width"] = 4032,
                ["height"] = 3024,
                ["peaks_in_frame"] = new JsonArray(Seen("everest", 7.7, 300)),
            },
        };
        var bulk = new System.Text.StringBuilder();
        var i = 0;
        foreach (var (id, doc) in docs)
        {
            var vector = new JsonArray();
            for (var d = 0; d < dimensions; d++)
            {
                vector.Add(d == i % dimensions ? 1f : 0.01f);
            }

            doc["path"] = id + ".heic";
            doc["clip_image"] = vector;
            bulk.Append($$$"""{"index":{"_index":"viewpoints","_id":"{{{id}}}"}}""").Append('\n').Append(doc.ToJsonString()).Append('\n');
            i++;
        }

        var result = await client.OkAsync(TransportMethod.POST, "/_bulk?refresh=true", bulk.ToString());
        Assert.False(result["errors"]!.GetValue<bool>(), result.ToJsonString());
    }
}
