using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Transport;
using Gateway.EmbeddedStore.Search;

namespace Gateway.EmbeddedStore.Tests.Client;

/// <summary>The official Elasticsearch .NET client, unchanged, over the in-process handler.</summary>
public sealed class OfficialClientTests : IDisposable
{
    private readonly EmbeddedStore _store = EmbeddedStore.CreateInMemory(new SearchService());
    private readonly EmbeddedStoreHandler _handler;
    private readonly ElasticsearchClient _client;

    public OfficialClientTests()
    {
        _handler = new EmbeddedStoreHandler(_store);
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://embedded:9200")), new HttpRequestInvoker((_, _) => _handler));
        _client = new ElasticsearchClient(settings);
    }

    public sealed record Peak(string Id, string[] Names, int ElevM, float[] TextEmbed);

    [Fact]
    public async Task Info_PassesProductCheck()
    {
        var info = await _client.InfoAsync();

        Assert.True(info.IsValidResponse, info.DebugInformation);
        Assert.StartsWith("9.", info.Version.Number, StringComparison.Ordinal);
        Assert.Equal("You Know, for Search", info.Tagline);
    }

    [Fact]
    public async Task CreateIndex_IndexGetAndDelete()
    {
        var created = await _client.Indices.CreateAsync("peaks_catalog", c => c
            .Mappings(m => m.Properties<Peak>(p => p
                .Keyword(x => x.Id)
                .Text(x => x.Names, t => t.Fields(f => f.Keyword("raw")))
                .IntegerNumber(x => x.ElevM)
                .DenseVector(x => x.TextEmbed, v => v.Dims(3).Similarity(Elastic.Clients.Elasticsearch.Mapping.DenseVectorSimilarity.Cosine)))));
        var indexed = await _client.IndexAsync(new Peak("ama-dablam", ["Ama Dablam", "アマダブラム"], 6812, [0.1f, 0.2f, 0.3f]), i => i.Index("peaks_catalog").Id("ama-dablam").Refresh(Refresh.True));
        var got = await _client.GetAsync<Peak>("peaks_catalog", "ama-dablam");
        var exists = await _client.Indices.ExistsAsync("peaks_catalog");
        var mapping = await _client.Indices.GetMappingAsync(m => m.Indices("peaks_catalog"));
        var deleted = await _client.DeleteAsync("peaks_catalog", "ama-dablam");
        var missing = await _client.GetAsync<Peak>("peaks_catalog", "ama-dablam");

        Assert.True(created.IsValidResponse, created.DebugInformation);
        Assert.True(indexed.IsValidResponse, indexed.DebugInformation);
        Assert.Equal(Result.Created, indexed.Result);
        Assert.True(got.Found);
        Assert.Equal(6812, got.Source!.ElevM);
        Assert.Equal("アマダブラム", got.Source.Names[1]);
        Assert.True(exists.Exists);
        Assert.True(mapping.IsValidResponse, mapping.DebugInformation);
        Assert.Equal(Result.Deleted, deleted.Result);
        Assert.False(missing.Found);
    }

    [Fact]
    public async Task Bulk_ReportsItemsAndErrors()
    {
        await _client.Indices.CreateAsync("b", c => c.Mappings(m => m.Properties<Peak>(p => p.IntegerNumber(x => x.ElevM))));
        var response = await _client.BulkAsync(b => b
            .Index("b")
            .IndexMany([new Peak("a", ["A"], 1, [1f]), new Peak("b", ["B"], 2, [1f])], (d, p) => d.Id(p.Id))
            .Create(new { elevM = "not a number" }, c => c.Id("bad"))
            .Delete(new BulkDeleteOperation("nope")));

        Assert.True(response.Errors);
        Assert.Equal(4, response.Items.Count);
        Assert.Equal(201, response.Items.ElementAt(0).Status);
        Assert.Equal("document_parsing_exception", response.ItemsWithErrors.First().Error!.Type);
        Assert.Equal(404, response.Items.ElementAt(3).Status);
    }

    [Fact]
    public async Task Errors_SurfaceAsElasticsearchServerErrors()
    {
        var response = await _client.GetAsync<Peak>("missing-index", "1");

        Assert.False(response.IsValidResponse);
        Assert.Equal("index_not_found_exception", response.ElasticsearchServerError!.Error!.Type);
        Assert.Equal(404, response.ElasticsearchServerError!.Status);
    }

    [Fact]
    public async Task Search_ThroughTheClient()
    {
        await _client.IndexAsync(new Peak("lhotse", ["Lhotse"], 8516, [1f]), i => i.Index("s").Id("lhotse").Refresh(Refresh.True));
        var result = await _client.SearchAsync<Peak>(s => s.Indices("s").Query(q => q.MatchAll(new Elastic.Clients.Elasticsearch.QueryDsl.MatchAllQuery())));
        var count = await _client.CountAsync(c => c.Indices("s"));

        Assert.True(result.IsValidResponse, result.DebugInformation);
        Assert.Equal(8516, result.Documents.Single().ElevM);
        Assert.Equal(1, count.Count);
    }

    [Fact]
    public async Task Aliases_AndUpdate_ThroughTheClient()
    {
        await _client.Indices.CreateAsync("v1");
        var alias = await _client.Indices.UpdateAliasesAsync(a => a.Actions(x => x.Add(add => add.Index("v1").Alias("current"))));
        await _client.IndexAsync(new Peak("p", ["P"], 1, [1f]), i => i.Index("current").Id("p"));
        var update = await _client.UpdateAsync<Peak, object>("current", "p", u => u.Doc(new { elevM = 2 }));
        var got = await _client.GetAsync<Peak>("v1", "p");
        var sync = _client.Get<Peak>("v1", "p");

        Assert.True(alias.IsValidResponse, alias.DebugInformation);
        Assert.True(update.IsValidResponse, update.DebugInformation);
        Assert.Equal(2, got.Source!.ElevM);
        Assert.True(sync.Found);
    }

    public void Dispose()
    {
        _handler.Dispose();
        _store.Dispose();
    }
}
