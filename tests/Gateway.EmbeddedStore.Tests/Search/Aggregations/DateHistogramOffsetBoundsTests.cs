namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>date_histogram extended_bounds with an offset: the bounds are rounded without the offset, then shifted by it.</summary>
public sealed class DateHistogramOffsetBoundsTests
{
    [Fact]
    public void ExtendedBounds_WithOffset_StartAtTheBoundsDayPlusTheOffset()
    {
        // Sony's photo is 2024-01-20T23:30, in the day bucket starting 2024-01-20T01:00.
        var aggs = AggregationData.AggsOf(["Sony"], """
            {"h":{"date_histogram":{"field":"t","calendar_interval":"day","offset":"1h","min_doc_count":0,"extended_bounds":{"min":"2024-01-19","max":"2024-01-21"}}}}
            """);

        var buckets = aggs["h"]!["buckets"]!.AsArray();
        Assert.Equal(
            "2024-01-19T01:00:00.000Z:0,2024-01-20T01:00:00.000Z:1,2024-01-21T01:00:00.000Z:0",
            string.Join(",", buckets.Select(b => b!["key_as_string"]!.GetValue<string>() + ":" + b["doc_count"]!.GetValue<long>())));
    }

    [Fact]
    public void ExtendedBounds_WithFixedIntervalAndOffset_AreShiftedToo()
    {
        var aggs = AggregationData.AggsOf(["Sony"], """
            {"h":{"date_histogram":{"field":"t","fixed_interval":"12h","offset":"2h","min_doc_count":0,"extended_bounds":{"min":"2024-01-20T00:00:00Z","max":"2024-01-20T12:00:00Z"}}}}
            """);

        Assert.Equal("2024-01-20T02:00:00.000Z", aggs["h"]!["buckets"]![0]!["key_as_string"]!.GetValue<string>());
    }
}
