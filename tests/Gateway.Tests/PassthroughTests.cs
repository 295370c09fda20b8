using Gateway.Tests.Infrastructure;

namespace Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class PassthroughTests(GatewayFixture fixture)
{
    private sealed record Note(string Title, int Stars);

    [Fact]
    public async Task Passthrough_CrudWithOfficialClient()
    {
        var client = fixture.Client;
        var index = "notes-" + Guid.NewGuid().ToString("N")[..8];

        var created = await client.IndexAsync(new Note("first", 3), i => i.Index(index).Id("1").Refresh(Elastic.Clients.Elasticsearch.Refresh.True));
        var fetched = await client.GetAsync<Note>(index, "1");
        var exists = await client.ExistsAsync(index, "1");
        var updated = await client.IndexAsync(new Note("first", 5), i => i.Index(index).Id("1").Refresh(Elastic.Clients.Elasticsearch.Refresh.True));
        var search = await client.SearchAsync<Note>(s => s.Indices(index).Query(q => q.Term(t => t.Field("stars").Value(5))));
        var deleted = await client.DeleteAsync(index, "1");
        var gone = await client.ExistsAsync(index, "1");

        Assert.True(created.IsValidResponse, created.DebugInformation);
        Assert.Equal(new Note("first", 3), fetched.Source);
        Assert.True(exists.Exists);
        Assert.Equal(2, updated.Version);
        Assert.Single(search.Documents);
        Assert.True(deleted.IsValidResponse);
        Assert.False(gone.Exists);
    }

    [Fact]
    public async Task Passthrough_BulkWithOfficialClient()
    {
        var client = fixture.Client;
        var index = "bulk-" + Guid.NewGuid().ToString("N")[..8];
        var notes = Enumerable.Range(0, 500).Select(i => new Note("note " + i, i % 5)).ToList();

        var bulk = await client.BulkAsync(b => b.Index(index).IndexMany(notes).Refresh(Elastic.Clients.Elasticsearch.Refresh.True));
        var count = await client.CountAsync(c => c.Indices(index));

        Assert.True(bulk.IsValidResponse, bulk.DebugInformation);
        Assert.False(bulk.Errors);
        Assert.Equal(500, count.Count);
    }

    [Fact]
    public async Task Passthrough_HeadAndRootInfo()
    {
        var head = await fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/photos_v1"));
        var missing = await fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/no-such-index"));
        var info = await fixture.Client.InfoAsync();

        Assert.Equal(200, (int)head.StatusCode);
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.True(info.IsValidResponse, info.DebugInformation);
    }

    [Fact]
    public async Task Passthrough_ResponsesCarryTheirLengthLikeElasticsearch()
    {
        using var search = await fixture.Http.PostAsync("/photos_v1/_search", new StringContent("""{"size":1}""", System.Text.Encoding.UTF8, "application/json"));
        var body = await search.Content.ReadAsByteArrayAsync();
        using var missing = await fixture.Http.GetAsync("/no-such-index/_doc/1");
        var missingBody = await missing.Content.ReadAsByteArrayAsync();

        Assert.Equal(200, (int)search.StatusCode);
        Assert.Null(search.Headers.TransferEncodingChunked);
        Assert.Equal(body.Length, search.Content.Headers.ContentLength);
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal(missingBody.Length, missing.Content.Headers.ContentLength);
    }
}
