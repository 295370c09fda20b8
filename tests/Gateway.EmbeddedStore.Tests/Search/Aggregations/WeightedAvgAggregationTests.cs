using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

public sealed class WeightedAvgAggregationTests
{
    [Fact]
    public void WeighsEveryValueOfADocumentWithItsWeight_AndSkipsDocumentsWithoutOne()
    {
        // Photo 1: ratings 1 and 3 with weight 2; photo 3: rating 4 with weight 3; photo 4 has no weight.
        var agg = AggregationData.AggsOf(["iPhone", "Canon"], """{"w":{"weighted_avg":{"value":{"field":"rating"},"weight":{"field":"weight"},"format":"0.00"}}}""")["w"]!;

        Assert.Equal(((1 * 2) + (3 * 2) + (4 * 3)) / 7.0, agg["value"]!.GetValue<double>(), 9);
        Assert.Equal("2.86", agg["value_as_string"]!.GetValue<string>());
    }

    [Fact]
    public void Missing_StandsInForAnAbsentValueOrWeight()
    {
        var agg = AggregationData.AggsOf(["iPhone", "Canon"], """{"w":{"weighted_avg":{"value":{"field":"alt","missing":1000},"weight":{"field":"weight","missing":1}}}}""")["w"]!;

        Assert.Equal(((4500 * 2) + (5100 * 3) + (1000 * 1)) / 6.0, agg["value"]!.GetValue<double>(), 9);
    }

    [Fact]
    public void NoWeight_AnswersNull()
    {
        var agg = AggregationData.Aggs("""{"w":{"weighted_avg":{"value":{"field":"alt"},"weight":{"field":"unmapped","missing":0}}}}""")["w"]!.AsObject();

        Assert.True(agg.ContainsKey("value"));
        Assert.Null(agg["value"]);
    }

    [Fact]
    public void TwoWeightsInOneDocument_FailAsElasticsearchFails()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""{"w":{"weighted_avg":{"value":{"field":"alt"},"weight":{"field":"weight"}}}}"""));

        Assert.Equal(500, error.Status);
        Assert.Equal("aggregation_execution_exception", error.CausedBy!.Type);
    }

    [Theory]
    [InlineData("""{"value":{"field":"alt"}}""", "Could not find field name [weight] in multiValuesSource")]
    [InlineData("""{"value":{"field":"alt","script":"x"},"weight":{"field":"weight"}}""", "[value] unknown field [script]")]
    [InlineData("""{"value":{"field":"alt"},"weight":{"field":"weight"},"size":1}""", "[weighted_avg] unknown field [size]")]
    [InlineData("""{"value":{"missing":1},"weight":{"field":"weight"}}""", "Required one of fields [field, script], but none were specified. ")]
    public void BadOptions_AreRefused(string options, string reason)
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("{\"w\":{\"weighted_avg\":" + options + "}}"));

        Assert.Equal(400, error.Status);
        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void KeywordValue_IsRefused()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""{"w":{"weighted_avg":{"value":{"field":"camera"},"weight":{"field":"weight"}}}}"""));

        Assert.Equal("Field [camera] of type [keyword] is not supported for aggregation [weighted_avg]", error.CausedBy!.Message);
    }
}
