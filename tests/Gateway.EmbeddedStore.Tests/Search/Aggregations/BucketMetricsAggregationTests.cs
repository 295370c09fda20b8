using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>The sibling bucket pipelines over a monthly histogram: January 4500 m, February empty, March 5100 m.</summary>
public sealed class BucketMetricsAggregationTests
{
    [Theory]
    [InlineData("skip", 4800)]
    [InlineData("keep_values", 4800)]
    [InlineData("insert_zeros", 3200)]
    public void AvgBucket_AppliesTheGapPolicyToTheEmptyMonth(string gapPolicy, double expected)
    {
        var avg = AggregationData.Monthly("\"p\":{\"avg_bucket\":{\"buckets_path\":\"m>top\",\"gap_policy\":\"" + gapPolicy + "\"}}")["p"]!;

        Assert.Equal(expected, avg["value"]!.GetValue<double>());
    }

    [Fact]
    public void MinAndMaxBucket_NameTheKeysOfTheExtremes()
    {
        var aggs = AggregationData.Monthly("""
            "lo":{"min_bucket":{"buckets_path":"m>top"}},"hi":{"max_bucket":{"buckets_path":"m>top","format":"0.0"}}
            """);

        Assert.Equal(4500, aggs["lo"]!["value"]!.GetValue<double>());
        Assert.Equal("2024-01-01T00:00:00.000Z", aggs["lo"]!["keys"]![0]!.GetValue<string>());
        Assert.Equal(5100, aggs["hi"]!["value"]!.GetValue<double>());
        Assert.Equal("5100.0", aggs["hi"]!["value_as_string"]!.GetValue<string>());
        Assert.Equal("2024-03-01T00:00:00.000Z", aggs["hi"]!["keys"]![0]!.GetValue<string>());
    }

    [Fact]
    public void SumBucket_OfDocCounts_KeepsEmptyBuckets()
    {
        var sum = AggregationData.Monthly("""
            "s":{"sum_bucket":{"buckets_path":"m>_count"}}
            """)["s"]!;

        Assert.Equal(3, sum["value"]!.GetValue<double>());
    }

    [Fact]
    public void DottedPath_ReadsAMetricOfAMultiValueAggregation()
    {
        var aggs = AggregationData.Aggs("""
            {"c":{"terms":{"field":"camera"},"aggs":{"st":{"stats":{"field":"alt"}}}},"p":{"max_bucket":{"buckets_path":"c>st.avg"}},"q":{"sum_bucket":{"buckets_path":"c>st.count"}}}
            """);

        Assert.Equal(4800, aggs["p"]!["value"]!.GetValue<double>());
        Assert.Equal("iPhone", aggs["p"]!["keys"]![0]!.GetValue<string>());
        Assert.Equal(3, aggs["q"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public void StatsBucket_HasStatsWithFormattedStrings()
    {
        var stats = AggregationData.Monthly("""
            "s":{"stats_bucket":{"buckets_path":"m>top","format":"0.0"}}
            """)["s"]!;

        Assert.Equal(2, stats["count"]!.GetValue<long>());
        Assert.Equal(4500, stats["min"]!.GetValue<double>());
        Assert.Equal(5100, stats["max"]!.GetValue<double>());
        Assert.Equal(4800, stats["avg"]!.GetValue<double>());
        Assert.Equal("9600.0", stats["sum_as_string"]!.GetValue<string>());
    }

    [Fact]
    public void ExtendedStatsBucket_HasVariancesAndSigmaBounds()
    {
        var stats = AggregationData.Monthly("""
            "s":{"extended_stats_bucket":{"buckets_path":"m>top","sigma":1}}
            """)["s"]!;

        Assert.Equal((4500d * 4500) + (5100d * 5100), stats["sum_of_squares"]!.GetValue<double>());
        Assert.Equal(90000, stats["variance"]!.GetValue<double>(), 6);
        Assert.Equal(180000, stats["variance_sampling"]!.GetValue<double>(), 6);
        Assert.Equal(300, stats["std_deviation"]!.GetValue<double>(), 6);
        Assert.Equal(5100, stats["std_deviation_bounds"]!["upper"]!.GetValue<double>(), 6);
        Assert.Equal(4500, stats["std_deviation_bounds"]!["lower_population"]!.GetValue<double>(), 6);
    }

    [Fact]
    public void PercentilesBucket_KeyedAndNot()
    {
        var keyed = AggregationData.Monthly("""
            "p":{"percentiles_bucket":{"buckets_path":"m>top","percents":[0,50,100]}}
            """)["p"]!["values"]!;
        Assert.Equal(4500, keyed["0.0"]!.GetValue<double>());
        Assert.Equal(5100, keyed["50.0"]!.GetValue<double>());
        Assert.Equal(5100, keyed["100.0"]!.GetValue<double>());

        var list = AggregationData.Monthly("""
            "p":{"percentiles_bucket":{"buckets_path":"m>top","keyed":false}}
            """)["p"]!["values"]!.AsArray();
        Assert.Equal(7, list.Count);
        Assert.Equal(1.0, list[0]!["key"]!.GetValue<double>());
    }

    [Fact]
    public void NoBuckets_AnswerNullValues()
    {
        var aggs = AggregationData.Aggs("""
            {"c":{"terms":{"field":"nothing"},"aggs":{"a":{"max":{"field":"alt"}}}},"p":{"max_bucket":{"buckets_path":"c>a"}},"s":{"sum_bucket":{"buckets_path":"c>a"}},"st":{"stats_bucket":{"buckets_path":"c>a"}}}
            """);

        Assert.Null(aggs["p"]!["value"]);
        Assert.Empty(aggs["p"]!["keys"]!.AsArray());
        Assert.Equal(0, aggs["s"]!["value"]!.GetValue<double>());
        Assert.Equal(0, aggs["st"]!["count"]!.GetValue<long>());
        Assert.Null(aggs["st"]!["min"]);
    }

    [Fact]
    public void TypedKeysAndMeta_AreRendered()
    {
        var aggs = AggregationData.Aggs("""
            {"c":{"terms":{"field":"camera"},"aggs":{"a":{"max":{"field":"alt"}}}},"p":{"max_bucket":{"buckets_path":"c>a"},"meta":{"k":1}},"s":{"avg_bucket":{"buckets_path":"c>a"}}}
            """, ("typed_keys", "true")).AsObject();

        Assert.Equal(1, aggs["bucket_metric_value#p"]!["meta"]!["k"]!.GetValue<int>());
        Assert.True(aggs.ContainsKey("simple_value#s"));
    }

    [Theory]
    [InlineData("""{"max_bucket":{"buckets_path":"m>nope"}}""", "action_request_validation_exception", "Validation Failed: 1: No aggregation [nope] found for path [m>nope];")]
    [InlineData("""{"max_bucket":{"buckets_path":"x>top"}}""", "action_request_validation_exception", "Validation Failed: 1: buckets_path aggregation does not exist for aggregation [p]: x>top;")]
    [InlineData("""{"max_bucket":{}}""", "parsing_exception", "Missing required field [buckets_path] for aggregation [p]")]
    [InlineData("""{"max_bucket":{"buckets_path":"m>top","gap_policy":"zero"}}""", "x_content_parse_exception", "Invalid gap policy: [zero], accepted values: [skip, insert_zeros, keep_values]")]
    [InlineData("""{"max_bucket":{"buckets_path":"m>top","sigma":1}}""", "x_content_parse_exception", "[max_bucket] unknown field [sigma]")]
    [InlineData("""{"max_bucket":{"buckets_path":"m>top"},"aggs":{"x":{"max":{"field":"alt"}}}}""", "parsing_exception", "Aggregation [p] cannot define sub-aggregations")]
    [InlineData("""{"extended_stats_bucket":{"buckets_path":"m>top","sigma":-1}}""", "illegal_argument_exception", "[sigma] must be greater than or equal to 0. Found [-1.0] in [p]")]
    [InlineData("""{"percentiles_bucket":{"buckets_path":"m>top","percents":[101]}}""", "illegal_argument_exception", "percents must only contain non-null doubles from 0.0-100.0: [p]")]
    [InlineData("""{"bucket_script":{"buckets_path":{"a":"m>top"},"script":"params.a"}}""", "action_request_validation_exception", "Validation Failed: 1: bucket_script aggregation [p] must be declared inside of another aggregation;")]
    public void BadRequests_AreRefused(string pipeline, string type, string reason)
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Monthly("\"p\":" + pipeline));

        Assert.Equal(400, error.Status);
        Assert.Equal(type, error.Type);
        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void PathToAMultiValueMetricWithoutItsName_IsRefused()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""
            {"c":{"terms":{"field":"camera"},"aggs":{"st":{"stats":{"field":"alt"}}}},"p":{"max_bucket":{"buckets_path":"c>st"}}}
            """));

        Assert.StartsWith("buckets_path must reference either a number value or a single value numeric metric aggregation", error.CausedBy!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstPathElementMustBeMultiBucket()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""
            {"a":{"max":{"field":"alt"}},"p":{"max_bucket":{"buckets_path":"a"}}}
            """));

        Assert.Equal("action_request_validation_exception", error.Type);
        Assert.Contains("must be a multi-bucket aggregation for aggregation [p]", error.Message, StringComparison.Ordinal);
    }

    internal static double[] Values(JsonNode histogram, string name) =>
        histogram["buckets"]!.AsArray().Select(b => b![name]?["value"]?.GetValue<double>() ?? double.NaN).ToArray();
}
