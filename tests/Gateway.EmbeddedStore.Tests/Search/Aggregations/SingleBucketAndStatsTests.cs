using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

public sealed class SingleBucketAndStatsTests
{
    [Fact]
    public void Global_IgnoresTheQuery()
    {
        var aggs = AggregationData.AggsOf(["Sony"], """{"g":{"global":{},"aggs":{"c":{"terms":{"field":"camera"}}}},"m":{"missing":{"field":"alt"}}}""");

        Assert.Equal(4, aggs["g"]!["doc_count"]!.GetValue<long>());
        Assert.Equal(3, aggs["g"]!["c"]!["buckets"]!.AsArray().Count);
        Assert.Equal(0, aggs["m"]!["doc_count"]!.GetValue<long>());
    }

    [Fact]
    public void Global_BelowAnotherAggregation_IsRefused()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""{"t":{"terms":{"field":"camera"},"aggs":{"g":{"global":{}}}}}"""));

        Assert.Equal("Aggregation [t] cannot have a global sub-aggregation [g]. Global aggregations can only be defined as top level aggregations", error.Message);
    }

    [Fact]
    public void Missing_CountsTheDocumentsWithoutTheField_WithSubAggregations()
    {
        var aggs = AggregationData.Aggs("""
            {"m":{"missing":{"field":"alt"},"aggs":{"c":{"terms":{"field":"camera"}}}},"u":{"missing":{"field":"unmapped"}}}
            """, ("typed_keys", "true"));

        Assert.Equal(1, aggs["missing#m"]!["doc_count"]!.GetValue<long>());
        Assert.Equal("Canon", aggs["missing#m"]!["sterms#c"]!["buckets"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(4, aggs["missing#u"]!["doc_count"]!.GetValue<long>());
    }

    [Fact]
    public void ExtendedStats_HasVariancesDeviationsAndBounds()
    {
        var stats = AggregationData.Aggs("""{"s":{"extended_stats":{"field":"alt","sigma":3,"format":"0.0"}}}""")["s"]!;

        double[] values = [4500, 3400, 5100];
        var avg = values.Average();
        var variance = values.Sum(v => (v - avg) * (v - avg)) / 3;
        Assert.Equal(3, stats["count"]!.GetValue<long>());
        Assert.Equal(values.Sum(v => v * v), stats["sum_of_squares"]!.GetValue<double>());
        Assert.Equal(variance, stats["variance"]!.GetValue<double>(), 6);
        Assert.Equal(variance * 3 / 2, stats["variance_sampling"]!.GetValue<double>(), 6);
        Assert.Equal(avg + (3 * Math.Sqrt(variance)), stats["std_deviation_bounds"]!["upper"]!.GetValue<double>(), 6);
        Assert.Equal("3400.0", stats["min_as_string"]!.GetValue<string>());
        Assert.NotNull(stats["std_deviation_bounds_as_string"]!["lower"]);
    }

    [Fact]
    public void ExtendedStats_WithoutValues_IsNullButForCountAndSum()
    {
        var stats = AggregationData.Aggs("""{"s":{"extended_stats":{"field":"unmapped"}}}""")["s"]!.AsObject();

        Assert.Equal(0, stats["count"]!.GetValue<long>());
        Assert.Equal(0, stats["sum"]!.GetValue<double>());
        Assert.True(stats.ContainsKey("variance"));
        Assert.Null(stats["variance"]);
        Assert.Null(stats["std_deviation_bounds"]!["upper"]);
    }

    [Fact]
    public void ExtendedStats_NegativeSigma_IsRefused()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""{"s":{"extended_stats":{"field":"alt","sigma":-2}}}"""));

        Assert.Equal("[sigma] must be greater than or equal to 0. Found [-2.0] in [s]", error.Message);
    }
}
