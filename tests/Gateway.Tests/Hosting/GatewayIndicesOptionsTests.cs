using Gateway.Peaks.Catalog;
using Gateway.Photos.Ingestion;
using Gateway.Rewrite;
using Gateway.Upstream;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Hosting;

public sealed class GatewayIndicesOptionsTests
{
    [Fact]
    public void Indices_NamesEveryIndexTheGatewayUses()
    {
        using var services = Services(new() { ["Indices:Photos"] = "pics", ["Indices:Catalog"] = "mountains", ["Indices:PhotosVectorField"] = "img" });

        Assert.Equal("pics", services.GetRequiredService<IOptions<PhotosOptions>>().Value.Alias);
        Assert.Equal("mountains", services.GetRequiredService<IOptions<PeaksOptions>>().Value.IndexName);
        var rewrite = services.GetRequiredService<IOptions<RewriteOptions>>().Value;
        Assert.Equal("pics", rewrite.PhotoIndex);
        Assert.Equal("img", rewrite.VectorFields["pics"]);
        Assert.Equal("text_embed", rewrite.VectorFields["mountains"]);
    }

    [Fact]
    public void FormerKeys_StillNameTheIndices_UnlessIndicesSaysOtherwise()
    {
        using var former = Services(new() { ["Gateway:Ui:PhotosIndex"] = "old_photos", ["Gateway:Catalog:Index"] = "old_catalog", ["Gateway:Catalog:VectorField"] = "proto" });
        using var both = Services(new() { ["Indices:Photos"] = "new_photos", ["Photos:Alias"] = "old_photos" });

        var indices = former.GetRequiredService<GatewayIndicesOptions>();
        Assert.Equal(("old_photos", "old_catalog", "proto"), (indices.Photos, indices.Catalog, indices.CatalogVectorField));
        Assert.Equal("new_photos", both.GetRequiredService<GatewayIndicesOptions>().Photos);
        Assert.Equal("new_photos", both.GetRequiredService<IOptions<PhotosOptions>>().Value.Alias);
    }

    [Fact]
    public void Indices_RefusesAnIndexNameElasticsearchWouldRefuse()
    {
        using var services = Services(new() { ["Indices:Catalog"] = "Peaks Catalog" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<GatewayIndicesOptions>());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddIndices();
        services.AddPhotoIngestion();
        services.AddSearchRewrite();
        services.AddPeakCatalog();
        return services.BuildServiceProvider();
    }
}
