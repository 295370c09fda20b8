using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>geohash_grid, geotile_grid and geo_distance over geo_point fields (the photos' GPS), with their errors.</summary>
public sealed class GeoAggregationTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public GeoAggregationTests()
    {
        Ok("PUT", "/g", """{"mappings":{"properties":{"location":{"type":"geo_point"},"name":{"type":"keyword"}}}}""");
        string[] points = ["52.374081,4.912350", "52.369219,4.901618", "52.371667,4.914722", "51.222900,4.405200", "48.861111,2.336389", "48.860000,2.327000"];
        for (var i = 0; i < points.Length; i++)
        {
            Ok("PUT", $"/g/_doc/{i + 1}", "{\"location\":\"" + points[i] + "\",\"name\":\"p" + (i + 1) + "\"}");
        }

        Ok("POST", "/g/_refresh");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task GeohashGrid_CountsPerCellLargestFirst()
    {
        var buckets = await BucketsAsync("""{"geohash_grid":{"field":"location","precision":3}}""");

        Assert.Equal("u17:3,u09:2,u15:1", Render(buckets));
    }

    [Fact]
    public async Task GeohashGrid_DefaultPrecisionSizeAndBounds()
    {
        Assert.Equal(5, (await BucketsAsync("""{"geohash_grid":{"field":"location"}}"""))[0]!["key"]!.GetValue<string>().Length);
        Assert.Single(await BucketsAsync("""{"geohash_grid":{"field":"location","precision":3,"size":1}}"""));
        var bounded = await BucketsAsync("""{"geohash_grid":{"field":"location","precision":3,"bounds":{"top_left":"53,4","bottom_right":"51,5"}}}""");
        Assert.Equal("u17:3,u15:1", Render(bounded));
    }

    [Fact]
    public async Task GeotileGrid_KeysAreZoomXY()
    {
        var buckets = await BucketsAsync("""{"geotile_grid":{"field":"location","precision":8},"aggs":{"n":{"value_count":{"field":"name"}}}}""");

        Assert.Equal("8/131/84:3,8/129/88:2,8/131/85:1", Render(buckets));
        Assert.Equal(3, buckets[0]!["n"]!["value"]!.GetValue<long>());
    }

    [Fact]
    public async Task GeoDistance_RangesFromTheOrigin()
    {
        var r = await _store.OkAsync("POST", "/g/_search", """
            {"size":0,"aggs":{"d":{"geo_distance":{"field":"location","origin":"52.3760, 4.894","unit":"km","ranges":[{"to":100},{"from":100,"to":300},{"from":300,"key":"far"}]}}}}
            """);

        var buckets = r["aggregations"]!["d"]!["buckets"]!.AsArray();
        Assert.Equal("*-100.0:3,100.0-300.0:1,far:2", string.Join(",", buckets.Select(b => b!["key"]!.GetValue<string>() + ":" + b["doc_count"]!.GetValue<long>())));
        Assert.Equal(100.0, buckets[1]!["from"]!.GetValue<double>());
        Assert.Null(buckets[0]!["from"]);
    }

    [Fact]
    public async Task GeoDistance_KeyedAndPlane()
    {
        var r = await _store.OkAsync("POST", "/g/_search", """
            {"size":0,"aggs":{"d":{"geo_distance":{"field":"location","origin":{"lat":52.376,"lon":4.894},"distance_type":"plane","keyed":true,"ranges":[{"to":5000}]}}}}
            """);

        Assert.Equal(3, r["aggregations"]!["d"]!["buckets"]!["*-5000.0"]!["doc_count"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{"geohash_grid":{"field":"location","precision":13}}""", "Invalid geohash aggregation precision of 13. Must be between 1 and 12.")]
    [InlineData("""{"geotile_grid":{"field":"location","precision":30}}""", "Invalid geotile_grid precision of 30. Must be between 0 and 29.")]
    [InlineData("""{"geohash_grid":{"field":"location","size":0}}""", "[size] must be greater than 0. Found [0] in [a]")]
    [InlineData("""{"geohash_grid":{"field":"location","precision":"10km"}}""", "[precision] given as a distance ([10km]) is not supported by this store")]
    [InlineData("""{"geohash_grid":{"field":"location","foo":1}}""", "[geohash_grid] unknown field [foo]")]
    [InlineData("""{"geohash_grid":{"field":"name"}}""", "Field [name] of type [keyword] is not supported for aggregation [geohash_grid]")]
    [InlineData("""{"geo_distance":{"field":"location","ranges":[{"to":1}]}}""", "[origin] must not be null: [a]")]
    [InlineData("""{"geo_distance":{"field":"location","origin":"0,0"}}""", "No [ranges] specified for the [a] aggregation")]
    [InlineData("""{"geo_distance":{"field":"location","origin":"0,0","unit":"parsec","ranges":[{"to":1}]}}""", "No distance unit match [parsec]")]
    public async Task GeoAggregations_BadRequestsAreRefused(string definition, string reason)
    {
        var (status, json) = await _store.SendAsync("POST", "/g/_search", """{"size":0,"aggs":{"a":DEF}}""".Replace("DEF", definition, StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Contains(reason, json!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Histogram_OrderBySubAggregationPath()
    {
        Ok("PUT", "/h/_doc/1", """{"n":1,"v":5}""");
        Ok("PUT", "/h/_doc/2", """{"n":11,"v":50}""");
        Ok("PUT", "/h/_doc/3?refresh=true", """{"n":21,"v":20}""");

        var r = await _store.OkAsync("POST", "/h/_search", """{"size":0,"aggs":{"h":{"histogram":{"field":"n","interval":10,"order":{"m":"desc"}},"aggs":{"m":{"max":{"field":"v"}}}}}}""");

        Assert.Equal("10,20,0", string.Join(",", r["aggregations"]!["h"]!["buckets"]!.AsArray().Select(b => b!["key"]!.GetValue<double>())));
    }

    private async Task<JsonArray> BucketsAsync(string definition) =>
        (await _store.OkAsync("POST", "/g/_search", """{"size":0,"aggs":{"a":DEF}}""".Replace("DEF", definition, StringComparison.Ordinal)))["aggregations"]!["a"]!["buckets"]!.AsArray();

    private static string Render(JsonArray buckets) => string.Join(",", buckets.Select(b => b!["key"]!.GetValue<string>() + ":" + b["doc_count"]!.GetValue<long>()));

    private void Ok(string method, string path, string? body = null) => _store.OkAsync(method, path, body).GetAwaiter().GetResult();
}
