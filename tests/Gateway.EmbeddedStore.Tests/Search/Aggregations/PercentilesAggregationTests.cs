using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>Percentiles over the altitudes 3400, 4500 and 5100 (the t-digest's singleton centroids).</summary>
public sealed class PercentilesAggregationTests
{
    [Fact]
    public void DefaultPercents_InterpolateBetweenCentroids_ClampedToTheExtremes()
    {
        var values = AggregationData.Aggs("""{"p":{"percentiles":{"field":"alt"}}}""")["p"]!["values"]!;

        Assert.Equal(3400, values["1.0"]!.GetValue<double>());
        Assert.Equal(3400 + (1100 * 0.25), values["25.0"]!.GetValue<double>(), 9);
        Assert.Equal(4500, values["50.0"]!.GetValue<double>());
        Assert.Equal(4500 + (600 * 0.75), values["75.0"]!.GetValue<double>(), 9);
        Assert.Equal(5100, values["99.0"]!.GetValue<double>());
    }

    [Fact]
    public void NotKeyed_WithFormat_AndAPipelineReadingOnePercent()
    {
        var aggs = AggregationData.Aggs("""
            {"p":{"percentiles":{"field":"alt","percents":[50],"keyed":false,"format":"0.0"}},
             "c":{"terms":{"field":"camera"},"aggs":{"q":{"percentiles":{"field":"alt","percents":[99.9]}}}},"m":{"max_bucket":{"buckets_path":"c>q[99.9]"}}}
            """);

        Assert.Equal(50.0, aggs["p"]!["values"]![0]!["key"]!.GetValue<double>());
        Assert.Equal("4500.0", aggs["p"]!["values"]![0]!["value_as_string"]!.GetValue<string>());
        Assert.Equal(5100, aggs["m"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public void NoValues_AnswerNulls()
    {
        var values = AggregationData.Aggs("""{"p":{"percentiles":{"field":"unmapped","percents":[50]}}}""")["p"]!["values"]!.AsObject();

        Assert.True(values.ContainsKey("50.0"));
        Assert.Null(values["50.0"]);
    }

    [Theory]
    [InlineData("""{"field":"alt","tdigest":{"compression":-1}}""", "[compression] must be greater than or equal to 0. Found [-1.0] in [p]")]
    [InlineData("""{"field":"alt","percents":[]}""", "[percents] must not be empty: [p]")]
    [InlineData("""{"field":"alt","percents":["foo"]}""", "[percentiles] failed to parse field [percents]")]
    [InlineData("""{"field":"alt","percents":[120]}""", "percent must be in [0,100], got [120.0]: [p]")]
    [InlineData("""{"field":"alt","hdr":{"number_of_significant_value_digits":3}}""", "[hdr] percentiles (an HDR histogram) are not supported by this store; use the default t-digest")]
    public void BadOptions_AreRefused(string options, string reason)
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("{\"p\":{\"percentiles\":" + options + "}}"));

        Assert.Equal(400, error.Status);
        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void KeywordField_IsRefused()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""{"p":{"percentiles":{"field":"camera"}}}"""));

        Assert.Equal(400, error.Status);
        Assert.Equal("Field [camera] of type [keyword] is not supported for aggregation [percentiles]", error.CausedBy!.Message);
    }
}
