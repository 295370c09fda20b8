using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

public sealed class RareTermsAggregationTests
{
    private static string[] Keys(JsonNode agg) => agg["buckets"]!.AsArray().Select(b => b!["key"]!.ToString()).ToArray();

    [Fact]
    public void KeepsTheTermsInAtMostOneDocumentByDefault_LeastFrequentThenByKey()
    {
        var agg = AggregationData.Aggs("""{"r":{"rare_terms":{"field":"camera"}}}""")["r"]!;

        Assert.Equal(["Canon", "Sony"], Keys(agg));
        Assert.Null(agg["sum_other_doc_count"]);
        Assert.Null(agg["doc_count_error_upper_bound"]);
    }

    [Fact]
    public void MaxDocCount_WidensTheSet_CountAscending()
    {
        var agg = AggregationData.Aggs("""{"r":{"rare_terms":{"field":"camera","max_doc_count":2},"aggs":{"a":{"max":{"field":"alt"}}}}}""")["r"]!;

        Assert.Equal(["Canon", "Sony", "iPhone"], Keys(agg));
        Assert.Equal(2, agg["buckets"]![2]!["doc_count"]!.GetValue<long>());
        Assert.Equal(5100, agg["buckets"]![2]!["a"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public void LongField_HasLongKeysAndTypedName()
    {
        var aggs = AggregationData.Aggs("""{"r":{"rare_terms":{"field":"alt","exclude":[3400]}},"s":{"rare_terms":{"field":"camera","include":["Sony"]}}}""", ("typed_keys", "true"));

        Assert.Equal(["4500", "5100"], Keys(aggs["lrareterms#r"]!));
        Assert.Equal(["Sony"], Keys(aggs["srareterms#s"]!));
    }

    [Fact]
    public void Missing_CountsDocumentsWithoutTheField()
    {
        var agg = AggregationData.Aggs("""{"r":{"rare_terms":{"field":"alt","missing":7}}}""")["r"]!;

        Assert.Contains("7", Keys(agg));
    }

    [Theory]
    [InlineData("""{"field":"camera","max_doc_count":0}""", "[max_doc_count] must be greater than 0. Found [0] in [r]")]
    [InlineData("""{"field":"camera","max_doc_count":101}""", "[max_doc_count] must be smallerthan 100in [r]")]
    [InlineData("""{"field":"camera","precision":0.000001}""", "[precision] must be greater than 0.00001")]
    [InlineData("""{"field":"camera","size":3}""", "[rare_terms] unknown field [size]")]
    [InlineData("""{"max_doc_count":1}""", "Required one of fields [field, script], but none were specified. ")]
    public void BadOptions_AreRefused(string options, string reason)
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("{\"r\":{\"rare_terms\":" + options + "}}"));

        Assert.Equal(400, error.Status);
        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void FloatingPointField_IsRefused()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""{"r":{"rare_terms":{"field":"rating"}}}"""));

        Assert.Equal(400, error.Status);
        Assert.Equal("RareTerms aggregation does not support floating point fields.", error.CausedBy!.Message);
    }
}
