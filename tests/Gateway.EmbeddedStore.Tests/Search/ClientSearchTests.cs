using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Transport;
using Gateway.EmbeddedStore.Search;

namespace Gateway.EmbeddedStore.Tests.Search;

/// <summary>Search through the official Elasticsearch .NET client over the in-process handler.</summary>
public sealed class ClientSearchTests : IDisposable
{
    private readonly EmbeddedStore _store = EmbeddedStore.CreateInMemory(new SearchService());
    private readonly EmbeddedStoreHandler _handler;
    private readonly ElasticsearchClient _client;

    public ClientSearchTests()
    {
        _handler = new EmbeddedStoreHandler(_store);
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://embedded:9200")), new HttpRequestInvoker((_, _) => _handler));
        _client = new ElasticsearchClient(settings);
    }

    public sealed record LatLon(double Lat, double Lon);

    public sealed record Photo(string Path, string Title, string Camera, DateTime ShotTime, LatLon Gps, float[] Vec);

    private async Task SeedAsync()
    {
        var created = await _client.Indices.CreateAsync("photos", c => c
            .Mappings(m => m.Properties<Photo>(p => p
                .Keyword(x => x.Path)
                .Text(x => x.Title)
                .Keyword(x => x.Camera)
                .Date(x => x.ShotTime)
                .GeoPoint(x => x.Gps)
                .DenseVector(x => x.Vec, v => v.Dims(3).Similarity(Elastic.Clients.Elasticsearch.Mapping.DenseVectorSimilarity.Cosine)))));
        Assert.True(created.IsValidResponse, created.DebugInformation);
        Photo[] photos =
        [
            new("a/1.jpg", "Ama Dablam at sunrise", "iPhone", new DateTime(2024, 10, 1, 6, 0, 0, DateTimeKind.Utc), new(27.86, 86.86), [1f, 0f, 0f]),
            new("a/2.jpg", "Prayer flags", "Sony", new DateTime(2024, 10, 2, 9, 0, 0, DateTimeKind.Utc), new(27.80, 86.71), [0.9f, 0.1f, 0f]),
            new("b/3.jpg", "アマダブラム", "iPhone", new DateTime(2024, 11, 3, 12, 0, 0, DateTimeKind.Utc), new(27.96, 86.93), [0f, 1f, 0f]),
        ];
        var bulk = await _client.BulkAsync(b => b.Index("photos").IndexMany(photos, (d, p) => d.Id(p.Path)).Refresh(Refresh.True));
        Assert.False(bulk.Errors, bulk.DebugInformation);
    }

    [Fact]
    public async Task Match_FindsKatakanaTitle()
    {
        await SeedAsync();
        var r = await _client.SearchAsync<Photo>(s => s.Indices("photos").Query(q => q.Match(m => m.Field(f => f.Title).Query("アマダブラム"))));

        Assert.True(r.IsValidResponse, r.DebugInformation);
        Assert.Equal("b/3.jpg", Assert.Single(r.Hits).Id);
        Assert.Equal(1, r.Total);
    }

    [Fact]
    public async Task Knn_WithFilterAndAggregationsDeserialize()
    {
        await SeedAsync();
        var r = await _client.SearchAsync<Photo>(s => s
            .Indices("photos")
            .Knn(k => k.Field(f => f.Vec).QueryVector([1f, 0f, 0f]).K(2).NumCandidates(10).Filter(f => f.Term(t => t.Field(x => x.Camera).Value("iPhone"))))
            .Aggregations(a => a
                .Add("cams", agg => agg.Terms(t => t.Field(x => x.Camera)))
                .Add("months", agg => agg.DateHistogram(d => d.Field(x => x.ShotTime).CalendarInterval(CalendarInterval.Month)))));

        Assert.True(r.IsValidResponse, r.DebugInformation);
        Assert.Equal(["a/1.jpg", "b/3.jpg"], r.Hits.Select(h => h.Id));
        Assert.Equal(1.0, r.Hits.First().Score!.Value, 5);
        var cams = r.Aggregations!.GetStringTerms("cams")!;
        Assert.Equal("iPhone", cams.Buckets.Single().Key.ToString());
        var months = r.Aggregations.GetDateHistogram("months")!;
        Assert.Equal([1L, 1L], months.Buckets.Select(b => b.DocCount));
    }

    [Fact]
    public async Task GeoDistanceAndSort_Work()
    {
        await SeedAsync();
        var r = await _client.SearchAsync<Photo>(s => s
            .Indices("photos")
            .Query(q => q.GeoDistance(g => g.Field(f => f.Gps).Distance("14km").Location(GeoLocation.LatitudeLongitude(new LatLonGeoLocation { Lat = 27.86, Lon = 86.86 }))))
            .Sort(so => so.Field(f => f.ShotTime, fs => fs.Order(SortOrder.Desc))));

        Assert.True(r.IsValidResponse, r.DebugInformation);
        Assert.Equal(["b/3.jpg", "a/1.jpg"], r.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Count_CountsMatchingDocuments()
    {
        await SeedAsync();
        var count = await _client.CountAsync<Photo>(c => c.Indices("photos").Query(q => q.Term(t => t.Field(f => f.Camera).Value("iPhone"))));
        Assert.Equal(2, count.Count);
    }

    [Fact]
    public async Task KnnValidationError_SurfacesAsServerError()
    {
        await SeedAsync();
        var r = await _client.SearchAsync<Photo>(s => s.Indices("photos").Knn(k => k.Field(f => f.Vec).QueryVector([1f, 0f, 0f]).K(5).NumCandidates(2)));

        Assert.False(r.IsValidResponse);
        Assert.Equal(400, r.ApiCallDetails.HttpStatusCode);
        Assert.Contains("[num_candidates] cannot be less than [k]", r.DebugInformation, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _handler.Dispose();
        _store.Dispose();
    }
}
