using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>The parent pipelines inside a monthly histogram: January 2 photos (4500 m), February none, March 1 (5100 m).</summary>
public sealed class ParentPipelineAggregationTests
{
    [Fact]
    public void CumulativeSum_RunsOverEveryBucket()
    {
        var m = AggregationData.Monthly(string.Empty, ""","cs":{"cumulative_sum":{"buckets_path":"_count"}},"ct":{"cumulative_sum":{"buckets_path":"top","format":"0"}}""")["m"]!;

        Assert.Equal([2, 2, 3], BucketMetricsAggregationTests.Values(m, "cs"));
        Assert.Equal([4500, 4500, 9600], BucketMetricsAggregationTests.Values(m, "ct"));
        Assert.Equal("9600", m["buckets"]![2]!["ct"]!["value_as_string"]!.GetValue<string>());
    }

    [Fact]
    public void Derivative_HasNoValueOnTheFirstBucket_AndNormalizesByUnit()
    {
        var m = AggregationData.Monthly(string.Empty, ""","d":{"derivative":{"buckets_path":"_count","unit":"1d"}}""")["m"]!;

        Assert.Null(m["buckets"]![0]!["d"]);
        Assert.Equal(-2, m["buckets"]![1]!["d"]!["value"]!.GetValue<double>());
        Assert.Equal(-2 / 31.0, m["buckets"]![1]!["d"]!["normalized_value"]!.GetValue<double>(), 9);
        Assert.Equal(1, m["buckets"]![2]!["d"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public void Derivative_AcrossAGap_IsNullWhenSkippedAndCountsZeroWhenInserted()
    {
        var skip = AggregationData.Monthly(string.Empty, ""","d":{"derivative":{"buckets_path":"top"}}""")["m"]!;
        Assert.Null(skip["buckets"]![1]!["d"]!["value"]);

        var zeros = AggregationData.Monthly(string.Empty, ""","d":{"derivative":{"buckets_path":"top","gap_policy":"insert_zeros"}}""")["m"]!;
        Assert.Equal([double.NaN, -4500, 5100], BucketMetricsAggregationTests.Values(zeros, "d"));
    }

    [Fact]
    public void ParentWithMinDocCount_ReadsTheBucketsThereAre()
    {
        var m = AggregationData.Aggs("""
            {"m":{"date_histogram":{"field":"t","calendar_interval":"month","min_doc_count":1},"aggs":{"d":{"serial_diff":{"buckets_path":"_count"}}}}}
            """)["m"]!;

        Assert.Equal([double.NaN, -1], BucketMetricsAggregationTests.Values(m, "d"));
    }

    [Fact]
    public void SerialDiff_SubtractsTheValueLagBucketsBefore()
    {
        var m = AggregationData.Monthly(string.Empty, ""","s":{"serial_diff":{"buckets_path":"_count","lag":2}}""")["m"]!;

        Assert.Equal([double.NaN, double.NaN, -1], BucketMetricsAggregationTests.Values(m, "s"));
    }

    [Fact]
    public void BucketSort_SortsAndPagesTheParentsBuckets()
    {
        var buckets = AggregationData.Aggs("""
            {"c":{"terms":{"field":"camera"},"aggs":{"a":{"max":{"field":"alt"}},"s":{"bucket_sort":{"sort":[{"a":{"order":"desc"}}],"from":1,"size":2}}}}}
            """)["c"]!["buckets"]!.AsArray();

        // iPhone (5100) is skipped by from; Canon has no altitude and sorts last.
        Assert.Equal(["Sony", "Canon"], buckets.Select(b => b!["key"]!.GetValue<string>()));
    }

    [Fact]
    public void BucketSort_ByKeyOnly_AndSizeOnly()
    {
        var byKey = AggregationData.Aggs("""{"c":{"terms":{"field":"camera"},"aggs":{"s":{"bucket_sort":{"sort":["_key"]}}}}}""")["c"]!["buckets"]!.AsArray();
        Assert.Equal(["Canon", "Sony", "iPhone"], byKey.Select(b => b!["key"]!.GetValue<string>()));

        var first = AggregationData.Monthly(string.Empty, ""","s":{"bucket_sort":{"size":1}}""")["m"]!["buckets"]!.AsArray();
        Assert.Single(first);
    }

    [Theory]
    [InlineData("""{"c":{"terms":{"field":"camera"},"aggs":{"d":{"derivative":{"buckets_path":"_count"}}}}}""", "Validation Failed: 1: derivative aggregation [d] must have a histogram, date_histogram or auto_date_histogram as parent;")]
    [InlineData("""{"d":{"serial_diff":{"buckets_path":"_count"}}}""", "Validation Failed: 1: serial_diff aggregation [d] must have a histogram, date_histogram or auto_date_histogram as parent but doesn't have a parent;")]
    [InlineData("""{"d":{"bucket_sort":{"size":1}}}""", "Validation Failed: 1: bucket_sort aggregation [d] must be declared inside of another aggregation;")]
    [InlineData("""{"h":{"histogram":{"field":"alt","interval":1000},"aggs":{"d":{"derivative":{"buckets_path":"nope"}}}}}""", "Validation Failed: 1: No aggregation [nope] found for path [nope];")]
    [InlineData("""{"h":{"histogram":{"field":"alt","interval":1000},"aggs":{"d":{"bucket_sort":{}}}}}""", "[d] is configured to perform nothing. Please set either of [sort, size, from] to use bucket_sort")]
    [InlineData("""{"h":{"histogram":{"field":"alt","interval":1000},"aggs":{"d":{"bucket_sort":{"size":0}}}}}""", "[size] must be a positive integer: [0]")]
    [InlineData("""{"h":{"histogram":{"field":"alt","interval":1000},"aggs":{"d":{"serial_diff":{"buckets_path":"_count","lag":0}}}}}""", "[lag] must be a positive integer: [d]")]
    [InlineData("""{"h":{"histogram":{"field":"alt","interval":1000},"aggs":{"d":{"cumulative_sum":{"buckets_path":"_count","gap_policy":"skip"}}}}}""", "[cumulative_sum] unknown field [gap_policy]")]
    [InlineData("""{"h":{"histogram":{"field":"alt","interval":1000},"aggs":{"d":{"moving_fn":{"buckets_path":"_count","window":2,"script":"MovingFunctions.max(values)"}}}}}""", "The [moving_fn] aggregation runs a script, and the embedded store has no scripting")]
    public void BadRequests_AreRefused(string aggs, string reason)
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs(aggs));

        Assert.Equal(400, error.Status);
        Assert.Equal(reason, error.Message);
    }
}
