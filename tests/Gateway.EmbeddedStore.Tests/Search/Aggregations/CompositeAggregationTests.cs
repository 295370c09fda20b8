using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

public sealed class CompositeAggregationTests
{
    private static string[] Keys(JsonNode agg, string source) =>
        agg["buckets"]!.AsArray().Select(b => b!["key"]![source]?.ToJsonString() ?? "null").ToArray();

    [Fact]
    public void TermsSources_CombineSortAndPage()
    {
        var agg = AggregationData.Aggs("""
            {"c":{"composite":{"size":2,"sources":[{"cam":{"terms":{"field":"camera"}}},{"alt":{"terms":{"field":"alt","order":"desc"}}}]}}}
            """)["c"]!;

        Assert.Equal(["\"Sony\"", "\"iPhone\""], Keys(agg, "cam"));
        Assert.Equal(["3400", "5100"], Keys(agg, "alt"));
        Assert.Equal("iPhone", agg["after_key"]!["cam"]!.GetValue<string>());
        Assert.Equal(5100, agg["after_key"]!["alt"]!.GetValue<long>());

        var next = AggregationData.Aggs("""
            {"c":{"composite":{"size":2,"after":{"cam":"iPhone","alt":5100},"sources":[{"cam":{"terms":{"field":"camera"}}},{"alt":{"terms":{"field":"alt","order":"desc"}}}]}}}
            """)["c"]!;
        Assert.Equal(["4500"], Keys(next, "alt"));
    }

    [Fact]
    public void MissingBucket_KeepsDocumentsWithoutAValue_FirstByDefault()
    {
        var agg = AggregationData.Aggs("""
            {"c":{"composite":{"sources":[{"alt":{"histogram":{"field":"alt","interval":1000,"missing_bucket":true}}}]},"aggs":{"n":{"value_count":{"field":"camera"}}}}}
            """)["c"]!;

        Assert.Equal(["null", "3000", "4000", "5000"], Keys(agg, "alt"));
        Assert.Equal(1, agg["buckets"]![0]!["n"]!["value"]!.GetValue<long>());

        var last = AggregationData.Aggs("""
            {"c":{"composite":{"sources":[{"alt":{"histogram":{"field":"alt","interval":1000,"missing_bucket":true,"missing_order":"last"}}}]}}}
            """)["c"]!;
        Assert.Equal("null", Keys(last, "alt")[^1]);
    }

    [Fact]
    public void DateHistogramSource_WithFormatAndAfterInThatFormat()
    {
        var agg = AggregationData.Aggs("""
            {"c":{"composite":{"after":{"m":"2024-01"},"sources":[{"m":{"date_histogram":{"field":"t","calendar_interval":"month","format":"yyyy-MM"}}}]}}}
            """)["c"]!;

        Assert.Equal(["\"2024-03\""], Keys(agg, "m"));

        var raw = AggregationData.Aggs("""{"c":{"composite":{"sources":[{"m":{"date_histogram":{"field":"t","calendar_interval":"month"}}}]}}}""")["c"]!;
        Assert.Equal(["1704067200000", "1709251200000"], Keys(raw, "m"));
    }

    [Theory]
    [InlineData("""{"composite":{"sources":[]}}""", "Composite [sources] cannot be null or empty")]
    [InlineData("""{"composite":{"size":1}}""", "Required [sources]")]
    [InlineData("""{"composite":{"sources":[{"a":{"terms":{"field":"camera"}}},{"a":{"terms":{"field":"alt"}}}]}}""", "Composite source names must be unique, found duplicates: [a]")]
    [InlineData("""{"composite":{"sources":[{"a":{"terms":{"field":"camera"}}}],"after":{"a":"x","b":1}}}""", "[after] has 2 value(s) but [sources] has 1")]
    [InlineData("""{"composite":{"sources":[{"a":{"terms":{"field":"camera","missing_order":"last"}}}]}}""", "missingOrder can only be set if missingBucket is true")]
    [InlineData("""{"composite":{"sources":[{"a":{"geotile_grid":{"field":"gps"}}}]}}""", "[composite] sources of type [geotile_grid] are not supported by this store (supported: terms, histogram, date_histogram)")]
    [InlineData("""{"composite":{"sources":[{"a":{"terms":{"field":"camera"}}}],"size":0}}""", "[size] must be greater than 0. Found [0] in [c]")]
    public void BadRequests_AreRefused(string agg, string reason)
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("{\"c\":" + agg + "}"));

        Assert.Equal(400, error.Status);
        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void UnderATermsAggregation_IsRefused()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""
            {"t":{"terms":{"field":"camera"},"aggs":{"c":{"composite":{"sources":[{"a":{"terms":{"field":"alt"}}}]}}}}}
            """));

        Assert.StartsWith("[composite] aggregation cannot be used with a parent aggregation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLargeASize_IsTooManyBuckets()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""{"c":{"composite":{"size":1000000,"sources":[{"a":{"terms":{"field":"camera"}}}]}}}"""));

        Assert.Equal("too_many_buckets_exception", error.CausedBy!.Type);
    }
}
