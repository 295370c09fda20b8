using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Gateway.Tests.Infrastructure;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Tests.RealElasticsearch;

/// <summary>The key functional scenarios against a real Elasticsearch 9 behind the gateway (skipped without Docker).</summary>
[Collection(RealElasticsearchCollection.Name)]
public sealed class RealElasticsearchTests(RealElasticsearchFixture fixture)
{
    private sealed record Book(string Title, int Year);

    [SkippableFact]
    public async Task Passthrough_CrudThroughTheOfficialClient()
    {
        Require();
        var client = fixture.Client;

        var indexed = await client.IndexAsync(new IndexRequest<Book>(new Book("Annapurna", 1951), "books_crud", "1") { Refresh = Refresh.True });
        var read = await client.GetAsync<Book>(new GetRequest("books_crud", "1"));
        var updated = await client.UpdateAsync<Book, object>(new UpdateRequest<Book, object>("books_crud", "1") { Doc = new { Year = 1950 }, Refresh = Refresh.True });
        var reread = await client.GetAsync<Book>(new GetRequest("books_crud", "1"));
        var deleted = await client.DeleteAsync(new DeleteRequest("books_crud", "1"));
        var gone = await client.GetAsync<Book>(new GetRequest("books_crud", "1"));

        Assert.True(indexed.IsValidResponse, indexed.DebugInformation);
        Assert.Equal("Annapurna", read.Source!.Title);
        Assert.True(updated.IsValidResponse, updated.DebugInformation);
        Assert.Equal(1950, reread.Source!.Year);
        Assert.True(deleted.IsValidResponse, deleted.DebugInformation);
        Assert.False(gone.Found);
    }

    [SkippableFact]
    public async Task Passthrough_BulkThenCount()
    {
        Require();
        var books = Enumerable.Range(0, 500).Select(i => new Book($"book {i}", 1900 + (i % 100))).ToList();

        var bulk = await fixture.Client.BulkAsync(new BulkRequest("books_bulk") { Operations = [.. books.Select(b => new BulkIndexOperation<Book>(b))], Refresh = Refresh.True });
        var count = await fixture.Client.CountAsync(new CountRequest("books_bulk"));

        Assert.True(bulk.IsValidResponse && !bulk.Errors, bulk.DebugInformation);
        Assert.Equal(500, count.Count);
    }

    [SkippableFact]
    public async Task Passthrough_ClientCredentialsDecide()
    {
        Require();
        using var anonymous = await fixture.Http.GetAsync("/_cluster/health");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_cluster/health");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RealElasticsearchFixture.User}:{RealElasticsearchFixture.Password}")));
        using var authenticated = await fixture.Http.SendAsync(request);

        // The gateway's own credentials are for its own client only: an anonymous client gets Elasticsearch's 401.
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("security_exception", JsonNode.Parse(await anonymous.Content.ReadAsStringAsync())!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
    }

    [SkippableTheory]
    [InlineData("red")]
    [InlineData("green")]
    [InlineData("blue")]
    public async Task Rewrite_KnnSectionQueryTextFindsThatColour(string color)
    {
        Require();
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search",
            $$$"""{"knn":{"field":"clip_image","query_text":"{{{color}}}","k":2,"num_candidates":20},"_source":["color"]}""");

        var hits = response["hits"]!["hits"]!.AsArray();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(color, h!["_source"]!["color"]!.GetValue<string>()));
        Assert.Equal("prompt_ensemble", response["_gateway"]!["queries"]![0]!["source"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Rewrite_ShorthandFiltersPreFilter()
    {
        Require();
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search",
            """{"query_text":"red","query":{"bool":{"filter":[{"term":{"album":"b"}}]}},"size":4}""");

        var ids = EsRequests.Ids(response);
        Assert.Equal(4, ids.Count);
        Assert.Equal("red-b", ids[0]);
        Assert.All(ids, id => Assert.EndsWith("-b", id, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Rewrite_NeuralClause()
    {
        Require();
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search",
            """{"query":{"neural":{"clip_image":{"query_text":"blue","k":2,"filter":{"term":{"album":"a"}}}}},"size":2}""");

        Assert.Equal("blue-a", EsRequests.Ids(response)[0]);
    }

    [SkippableFact]
    public async Task Rewrite_TextNamingAPeakUsesItsPrototype()
    {
        Require();
        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/photos/_search", """{"query_text":"Pico Rojo","size":2}""");

        var query = response["_gateway"]!["queries"]![0]!;
        Assert.Equal("peak_prototype", query["source"]!.GetValue<string>());
        Assert.Equal("red_peak", query["peak"]!.GetValue<string>());
        Assert.All(EsRequests.Ids(response), id => Assert.StartsWith("red-", id, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Rewrite_MultiSearchRewritesEachBody()
    {
        Require();
        var body = "{\"index\":\"photos\"}\n{\"query_text\":\"green\",\"size\":1}\n{\"index\":\"photos\"}\n{\"query\":{\"term\":{\"color\":\"blue\"}},\"size\":1}\n";

        var response = await fixture.Client.OkAsync(TransportMethod.POST, "/_msearch", body);

        var responses = response["responses"]!.AsArray();
        Assert.StartsWith("green-", EsRequests.Ids(responses[0]!)[0], StringComparison.Ordinal);
        Assert.NotNull(responses[0]!["_gateway"]);
        Assert.StartsWith("blue-", EsRequests.Ids(responses[1]!)[0], StringComparison.Ordinal);
        Assert.Null(responses[1]!["_gateway"]);
    }

    private void Require() => Skip.If(fixture.UnavailableReason is not null, fixture.UnavailableReason);
}
