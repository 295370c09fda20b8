using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>top_metrics: the metrics of the first documents by one sort, terms ordered by them, and bad input.</summary>
public sealed class TopMetricsAggregationTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public TopMetricsAggregationTests()
    {
        Ok("PUT", "/t", """{"mappings":{"properties":{"name":{"type":"keyword"},"order_date":{"type":"date"},"birth":{"type":"date"},"score":{"type":"integer"},"price":{"type":"double"}}}}""");
        string[] docs =
        [
            """{"name":"alice","order_date":"2021-09-09T17:50:00.000Z","birth":"1990-12-10","score":7,"price":12.9}""",
            """{"name":"alice","order_date":"2021-08-11T17:22:00.000Z","birth":"1990-12-10","score":5,"price":14.99}""",
            """{"name":"bob","order_date":"2021-10-12T18:39:00.000Z","birth":"1989-11-04","score":9,"price":34.2}""",
            """{"name":"carol","order_date":"2021-12-10T19:33:00.000Z","score":6}""",
        ];
        for (var i = 0; i < docs.Length; i++)
        {
            Ok("PUT", $"/t/_doc/{i + 1}", docs[i]);
        }

        Ok("POST", "/t/_refresh");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task TopMetrics_TheLatestDocumentsMetrics()
    {
        var r = await SearchAsync("""{"size":0,"aggs":{"tm":{"top_metrics":{"metrics":[{"field":"score"},{"field":"birth"},{"field":"price"}],"sort":{"order_date":"desc"},"size":2}}}}""");

        var top = r["aggregations"]!["tm"]!["top"]!.AsArray();
        Assert.Equal(2, top.Count);
        Assert.Equal("""["2021-12-10T19:33:00.000Z"]""", top[0]!["sort"]!.ToJsonString());
        Assert.Equal("""{"score":6,"birth":null,"price":null}""", top[0]!["metrics"]!.ToJsonString());
        Assert.Equal("""{"score":9,"birth":"1989-11-04T00:00:00.000Z","price":34.2}""", top[1]!["metrics"]!.ToJsonString());
    }

    [Fact]
    public async Task Terms_OrderByATopMetric()
    {
        var r = await SearchAsync("""
            {"size":0,"aggs":{"n":{"terms":{"field":"name","order":{"tm[score]":"asc"}},"aggs":{"tm":{"top_metrics":{"metrics":{"field":"score"},"sort":{"order_date":"desc"}}}}}}}
            """);

        Assert.Equal("carol,alice,bob", string.Join(",", r["aggregations"]!["n"]!["buckets"]!.AsArray().Select(b => b!["key"]!.GetValue<string>())));
    }

    [Theory]
    [InlineData("""{"top_metrics":{"metrics":{"field":"score"},"sort":{"order_date":"desc"},"size":11}}""", "[top_metrics.size] must not be more than [10] but was [11]")]
    [InlineData("""{"top_metrics":{"metrics":{"field":"score"},"size":0}}""", "[size] must be more than 0 but was [0]")]
    [InlineData("""{"top_metrics":{"sort":{"order_date":"desc"}}}""", "[metrics] is required")]
    [InlineData("""{"top_metrics":{"metrics":{"field":"score"},"sort":[{"order_date":"desc"},{"score":"asc"}]}}""", "[sort] must contain exactly one sort")]
    public async Task BadRequestsAreRefused(string definition, string reason)
    {
        var (status, json) = await _store.SendAsync("POST", "/t/_search", """{"size":0,"aggs":{"a":DEF}}""".Replace("DEF", definition, StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Contains(reason, json!.ToJsonString(), StringComparison.Ordinal);
    }

    private Task<JsonNode> SearchAsync(string body) => _store.OkAsync("POST", "/t/_search", body);

    private void Ok(string method, string path, string? body = null) => _store.OkAsync(method, path, body).GetAwaiter().GetResult();
}
