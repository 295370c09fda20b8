using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Clients;

/// <summary>
/// The official .NET client's point-in-time iteration (open, search_after pages, close) and scrolling (search with
/// scroll, scroll pages, clear) through the gateway on the embedded store. The 9.x client has no scroll helper of its
/// own, so its typed scroll APIs are what an application uses.
/// </summary>
public sealed class DotnetClientCursorTests : IDisposable
{
    private const int Documents = 57;
    private readonly TempDirectory _temp = new();
    private readonly GatewayHost _gateway;
    private readonly ElasticsearchClient _client;

    public DotnetClientCursorTests()
    {
        _gateway = GatewayHost.Start(_temp.Path, null);
        _client = _gateway.ElasticClient();
    }

    public void Dispose()
    {
        _gateway.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task PointInTime_IteratesEveryDocumentAsOfOpening()
    {
        await SeedAsync();
        var pit = await _client.OpenPointInTimeAsync(new OpenPointInTimeRequest("cursor_docs") { KeepAlive = "1m" });
        Assert.True(pit.IsValidResponse, pit.DebugInformation);
        await _gateway.Http.PutAsync("/cursor_docs/_doc/late?refresh=true", EsRequests.Json("""{"n":-1}"""));

        var seen = new List<int>();
        ICollection<FieldValue>? after = null;
        while (true)
        {
            var page = await _client.SearchAsync<Doc>(new SearchRequest
            {
                Size = 10,
                Pit = new PointInTimeReference { Id = pit.Id, KeepAlive = "1m" },
                Sort = [new SortOptions { Field = new FieldSort { Field = "n", Order = SortOrder.Asc } }],
                SearchAfter = after,
            });
            Assert.True(page.IsValidResponse, page.DebugInformation);
            if (page.Hits.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Hits.Select(h => h.Source!.N));
            after = page.Hits.Last().Sort!.ToList();
        }

        var closed = await _client.ClosePointInTimeAsync(new ClosePointInTimeRequest { Id = pit.Id });
        Assert.True(closed.IsValidResponse && closed.Succeeded, closed.DebugInformation);
        Assert.Equal(Enumerable.Range(0, Documents), seen);
    }

    [Fact]
    public async Task Scroll_PagesEveryDocumentThenClears()
    {
        await SeedAsync();

        var page = await _client.SearchAsync<Doc>(new SearchRequest("cursor_docs") { Size = 20, Scroll = "1m" });
        Assert.True(page.IsValidResponse, page.DebugInformation);
        var seen = page.Hits.Select(h => h.Source!.N).ToList();
        var scrollId = page.ScrollId!;
        while (true)
        {
            var next = await _client.ScrollAsync<Doc>(new ScrollRequest { ScrollId = scrollId, Scroll = "1m" });
            Assert.True(next.IsValidResponse, next.DebugInformation);
            if (next.Hits.Count == 0)
            {
                break;
            }

            seen.AddRange(next.Hits.Select(h => h.Source!.N));
        }

        var cleared = await _client.ClearScrollAsync(new ClearScrollRequest { ScrollId = scrollId });
        var after = await _client.ScrollAsync<Doc>(new ScrollRequest { ScrollId = scrollId, Scroll = "1m" });
        Assert.True(cleared.IsValidResponse && cleared.NumFreed == 1, cleared.DebugInformation);
        Assert.Equal(404, after.ApiCallDetails.HttpStatusCode);
        Assert.Equal(Enumerable.Range(0, Documents), seen.Order());
    }

    private async Task SeedAsync()
    {
        var bulk = new StringBuilder();
        for (var i = 0; i < Documents; i++)
        {
            bulk.Append("{\"index\":{\"_index\":\"cursor_docs\",\"_id\":\"").Append(i).Append("\"}}\n{\"n\":").Append(i).Append("}\n");
        }

        var response = await _gateway.Http.PostAsync("/_bulk?refresh=true", new StringContent(bulk.ToString(), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private sealed record Doc(int N);
}
