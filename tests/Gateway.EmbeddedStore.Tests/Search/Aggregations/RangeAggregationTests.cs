using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

public sealed class RangeAggregationTests
{
    private static string[] Keys(JsonNode agg) => agg["buckets"]!.AsArray().Select(b => b!["key"]!.GetValue<string>()).ToArray();

    private static long[] Counts(JsonNode agg) => agg["buckets"]!.AsArray().Select(b => b!["doc_count"]!.GetValue<long>()).ToArray();

    [Fact]
    public void Range_SortsRangesAndGeneratesKeys_FromIncludedToExcluded()
    {
        var agg = AggregationData.Aggs("""{"r":{"range":{"field":"alt","ranges":[{"from":4500},{"to":4500},{"from":3400,"to":4500}]}}}""")["r"]!;

        Assert.Equal(["*-4500.0", "3400.0-4500.0", "4500.0-*"], Keys(agg));
        Assert.Equal([1L, 1, 2], Counts(agg));
        Assert.Null(agg["buckets"]![0]!["from"]);
        Assert.Equal(4500, agg["buckets"]![0]!["to"]!.GetValue<double>());
    }

    [Fact]
    public void Range_KeyedWithCustomKeys_Format_Missing_AndSubAggregations()
    {
        var agg = AggregationData.Aggs("""
            {"r":{"range":{"field":"alt","keyed":true,"format":"0.0","missing":0,"ranges":[{"key":"low","to":1000},{"key":"high","from":1000}]},"aggs":{"c":{"cardinality":{"field":"camera"}}}}}
            """)["r"]!["buckets"]!;

        Assert.Equal(1, agg["low"]!["doc_count"]!.GetValue<long>());
        Assert.Equal("1000.0", agg["low"]!["to_as_string"]!.GetValue<string>());
        Assert.Equal(3, agg["high"]!["doc_count"]!.GetValue<long>());
        Assert.Equal(2, agg["high"]!["c"]!["value"]!.GetValue<long>());
    }

    [Fact]
    public void DateRange_ParsesDateMathAndRendersDates()
    {
        var agg = AggregationData.Aggs("""
            {"d":{"date_range":{"field":"t","format":"yyyy-MM","ranges":[{"to":"2024-02"},{"from":"2024-02||+1M"}]}}}
            """)["d"]!;

        Assert.Equal(["*-2024-02", "2024-03-*"], Keys(agg));
        Assert.Equal([2L, 1], Counts(agg));
        Assert.Equal("2024-03", agg["buckets"]![1]!["from_as_string"]!.GetValue<string>());
        Assert.Equal(1709251200000, agg["buckets"]![1]!["from"]!.GetValue<double>());
    }

    [Fact]
    public async Task IpRange_FromToAndMasks()
    {
        using var harness = StoreHarness.InMemory();
        await harness.OkAsync("PUT", "/hosts", """{"mappings":{"properties":{"ip":{"type":"ip"}}}}""");
        await harness.OkAsync("PUT", "/hosts/_doc/1", """{"ip":"::1"}""");
        await harness.OkAsync("PUT", "/hosts/_doc/2", """{"ip":"192.168.0.1"}""");
        await harness.OkAsync("PUT", "/hosts/_doc/3?refresh=true", """{"ip":["192.168.0.7","10.0.0.1"]}""");
        var agg = (await harness.OkAsync("POST", "/hosts/_search", """
            {"size":0,"aggs":{"r":{"ip_range":{"field":"ip","ranges":[{"from":"192.169.0.0"},{"to":"192.168.0.0"},{"mask":"192.168.0.0/16"},{"mask":"::/24"}]}}}}
            """))["aggregations"]!["r"]!;

        // An open lower bound sorts before the lowest address.
        Assert.Equal(["*-192.168.0.0", "::/24", "192.168.0.0/16", "192.169.0.0-*"], Keys(agg));
        Assert.Equal([2L, 3, 2, 0], Counts(agg));
        Assert.Equal("0:100::", agg["buckets"]![1]!["to"]!.GetValue<string>());
        Assert.Equal("192.169.0.0", agg["buckets"]![2]!["to"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"range":{"field":"alt"}}""", "No [ranges] specified for the [r] aggregation")]
    [InlineData("""{"range":{"field":"alt","ranges":[{"from":1,"until":2}]}}""", "[range] unknown field [until]")]
    [InlineData("""{"range":{"field":"alt","ranges":[{"from":1}],"interval":2}}""", "[range] unknown field [interval]")]
    [InlineData("""{"ip_range":{"field":"alt","ranges":[{"from":"300.1.1.1"}]}}""", "'300.1.1.1' is not an IP string literal.")]
    [InlineData("""{"ip_range":{"field":"alt","ranges":[{"mask":"10.0.0.0/33"}]}}""", "Illegal prefix length [33] in [10.0.0.0/33]")]
    public void BadOptions_AreRefused(string agg, string reason)
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("{\"r\":" + agg + "}"));

        Assert.Equal(400, error.Status);
        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void Range_OnAKeywordField_IsRefused()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""{"r":{"range":{"field":"camera","ranges":[{"to":1}]}}}"""));

        Assert.Equal("Field [camera] of type [keyword] is not supported for aggregation [range]", error.CausedBy!.Message);
    }
}
