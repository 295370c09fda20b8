using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>bucket_script and bucket_selector in the monthly histogram (January 2 photos at most 4500 m, February none, March 1 at 5100 m).</summary>
public sealed class ScriptedBucketPipelineTests
{
    [Fact]
    public void BucketScript_ComputesFromTheBucketsMetrics_SkippingGaps()
    {
        var m = AggregationData.Monthly(string.Empty, ""","per":{"bucket_script":{"buckets_path":{"top":"top","n":"_count"},"script":{"source":"params.top / params.n * params.f","params":{"f":2}},"format":"0.0"}}""")["m"]!;

        Assert.Equal(4500.0, m["buckets"]![0]!["per"]!["value"]!.GetValue<double>());
        Assert.Equal("4500.0", m["buckets"]![0]!["per"]!["value_as_string"]!.GetValue<string>());
        Assert.Null(m["buckets"]![1]!["per"]);
        Assert.Equal(10200.0, m["buckets"]![2]!["per"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public void BucketScript_InsertZerosAndSinglePath()
    {
        var m = AggregationData.Monthly(string.Empty, ""","z":{"bucket_script":{"buckets_path":"top","gap_policy":"insert_zeros","script":"params._value + 1"}}""")["m"]!;

        Assert.Equal([4501, 1, 5101], BucketMetricsAggregationTests.Values(m, "z"));
    }

    [Fact]
    public void BucketSelector_KeepsTheBucketsTheScriptAccepts()
    {
        var m = AggregationData.Monthly(string.Empty, ""","s":{"bucket_selector":{"buckets_path":{"n":"_count"},"script":"params.n >= 1"}}""")["m"]!;

        Assert.Equal(2, m["buckets"]!.AsArray().Count);
        Assert.Null(m["buckets"]![0]!["s"]);
    }

    [Theory]
    [InlineData(""","s":{"bucket_selector":{"buckets_path":{"n":"_count"},"script":"params.n"}}""", "illegal_argument_exception")]
    [InlineData(""","s":{"bucket_selector":{"buckets_path":{"n":"_count"},"script":"true","format":"0"}}""", "x_content_parse_exception")]
    [InlineData(""","s":{"bucket_script":{"buckets_path":{"n":"_count"}}}""", "parsing_exception")]
    [InlineData(""","s":{"bucket_script":{"buckets_path":{"n":"nope"},"script":"1"}}""", "action_request_validation_exception")]
    [InlineData(""","s":{"bucket_script":{"buckets_path":{"n":"_count"},"script":"'x'"}}""", "aggregation_execution_exception")]
    [InlineData(""","s":{"bucket_script":{"buckets_path":{"n":"_count"},"script":"params.n.foo()"}}""", "script_exception")]
    public void BadScriptsAndOptions_AreRefused(string inner, string type)
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Monthly(string.Empty, inner));

        Assert.Equal(type, error.Type);
    }
}
