using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>auto_date_histogram: the rounding and inner interval chosen for a target bucket count, pipelines on it, bad input.</summary>
public sealed class AutoDateHistogramAggregationTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public AutoDateHistogramAggregationTests()
    {
        Ok("PUT", "/a", """{"mappings":{"properties":{"date":{"type":"date"},"v":{"type":"long"}}}}""");
        string[] dates = ["2020-03-01", "2020-03-02", "2020-03-08", "2020-03-09"];
        for (var i = 0; i < dates.Length; i++)
        {
            Ok("PUT", $"/a/_doc/{i + 1}", "{\"date\":\"" + dates[i] + "\",\"v\":" + (i + 1) + "}");
        }

        Ok("POST", "/a/_refresh");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task TwoBuckets_MergeDaysIntoWeeks()
    {
        var r = await SearchAsync("""{"size":0,"aggs":{"h":{"auto_date_histogram":{"field":"date","buckets":2},"aggs":{"v":{"sum":{"field":"v"}}}},"avg":{"avg_bucket":{"buckets_path":"h.v"}}}}""");

        var h = r["aggregations"]!["h"]!;
        Assert.Equal("7d", h["interval"]!.GetValue<string>());
        Assert.Equal("2020-03-01T00:00:00.000Z:2:3,2020-03-08T00:00:00.000Z:2:7", Render(h));
        Assert.Equal(5, r["aggregations"]!["avg"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public async Task DefaultTarget_KeepsDailyBucketsWithGaps()
    {
        var h = (await SearchAsync("""{"size":0,"aggs":{"h":{"auto_date_histogram":{"field":"date"}}}}"""))["aggregations"]!["h"]!;

        Assert.Equal("1d", h["interval"]!.GetValue<string>());
        Assert.Equal(9, h["buckets"]!.AsArray().Count);
        Assert.Equal(0, h["buckets"]![2]!["doc_count"]!.GetValue<long>());
    }

    [Fact]
    public async Task MinimumIntervalAndFormat()
    {
        var h = (await SearchAsync("""{"size":0,"aggs":{"h":{"auto_date_histogram":{"field":"date","buckets":3,"minimum_interval":"month","format":"yyyy-MM"}}}}"""))["aggregations"]!["h"]!;

        Assert.Equal("1M", h["interval"]!.GetValue<string>());
        Assert.Equal("2020-03", Assert.Single(h["buckets"]!.AsArray())!["key_as_string"]!.GetValue<string>());
    }

    [Fact]
    public async Task Empty_HasNoBuckets()
    {
        var h = (await SearchAsync("""{"size":0,"query":{"match_none":{}},"aggs":{"h":{"auto_date_histogram":{"field":"date"}}}}"""))["aggregations"]!["h"]!;

        Assert.Empty(h["buckets"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"auto_date_histogram":{"field":"date","minimum_interval":"week"}}""", "minimum_interval must be one of [[second, minute, hour, day, month, year]]")]
    [InlineData("""{"auto_date_histogram":{"field":"date","buckets":0}}""", "[buckets] must be greater than 0. Found [0] in [h]")]
    [InlineData("""{"auto_date_histogram":{"field":"date","interval":"1d"}}""", "[auto_date_histogram] unknown field [interval]")]
    public async Task BadRequestsAreRefused(string definition, string reason)
    {
        var (status, json) = await _store.SendAsync("POST", "/a/_search", """{"size":0,"aggs":{"h":DEF}}""".Replace("DEF", definition, StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Contains(reason, json!.ToJsonString(), StringComparison.Ordinal);
    }

    private Task<JsonNode> SearchAsync(string body) => _store.OkAsync("POST", "/a/_search", body);

    private static string Render(JsonNode h) =>
        string.Join(",", h["buckets"]!.AsArray().Select(b => b!["key_as_string"]!.GetValue<string>() + ":" + b["doc_count"]!.GetValue<long>() + ":" + b["v"]!["value"]!.GetValue<double>()));

    private void Ok(string method, string path, string? body = null) => _store.OkAsync(method, path, body).GetAwaiter().GetResult();
}
