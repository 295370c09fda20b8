using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>Ordering terms buckets by sub-aggregation paths (a&gt;b, a.metric, a[key]) and ES's errors for bad paths.</summary>
public sealed class TermsOrderPathTests
{
    // Cameras: iPhone (alt 4500, 5100), Sony (3400), Canon (no alt).
    [Theory]
    [InlineData("""{"m":"desc"}""", """{"m":{"max":{"field":"alt"}}}""", "iPhone,Sony,Canon")]
    // An empty max is -∞ inside Elasticsearch (first when ascending), an empty average NaN (after every number, as Java compares).
    [InlineData("""{"m.value":"asc"}""", """{"m":{"max":{"field":"alt"}}}""", "Canon,Sony,iPhone")]
    [InlineData("""{"s.avg":"desc"}""", """{"s":{"stats":{"field":"alt"}}}""", "Canon,iPhone,Sony")]
    [InlineData("""{"p[50]":"asc"}""", """{"p":{"percentiles":{"field":"alt"}}}""", "Sony,iPhone,Canon")]
    [InlineData("""{"f>m":"desc"}""", """{"f":{"filter":{"range":{"alt":{"lt":5000}}},"aggs":{"m":{"max":{"field":"alt"}}}}}""", "iPhone,Sony,Canon")]
    [InlineData("""{"f":"asc"}""", """{"f":{"filter":{"range":{"alt":{"gt":4000}}}}}""", "Canon,Sony,iPhone")]
    [InlineData("""{"f.doc_count":"desc"}""", """{"f":{"filter":{"range":{"alt":{"gt":4000}}}}}""", "iPhone,Canon,Sony")]
    [InlineData("""[{"m":"asc"},{"_key":"desc"}]""", """{"m":{"min":{"field":"alt"}}}""", "Sony,iPhone,Canon")]
    public void Terms_OrderBySubAggregationPath(string order, string subs, string expected)
    {
        var aggs = AggregationData.Aggs("""{"c":{"terms":{"field":"camera","order":ORDER},"aggs":SUBS}}""".Replace("ORDER", order, StringComparison.Ordinal).Replace("SUBS", subs, StringComparison.Ordinal));

        Assert.Equal(expected, string.Join(",", aggs["c"]!["buckets"]!.AsArray().Select(b => b!["key"]!.GetValue<string>())));
    }

    [Theory]
    [InlineData("""{"x":"asc"}""", """{"m":{"max":{"field":"alt"}}}""", "Invalid aggregation order path [x]. The provided aggregation [x] either does not exist, or is a pipeline aggregation and cannot be used to sort the buckets.")]
    [InlineData("""{"s":"asc"}""", """{"s":{"stats":{"field":"alt"}}}""", "Invalid aggregation order path [s]. When ordering on a multi-value metrics aggregation a metric name must be specified.")]
    [InlineData("""{"s.foo":"asc"}""", """{"s":{"stats":{"field":"alt"}}}""", "Invalid aggregation order path [s.foo]. Unknown metric name [foo] on multi-value metrics aggregation [s]")]
    [InlineData("""{"m.foo":"asc"}""", """{"m":{"max":{"field":"alt"}}}""", "Invalid aggregation order path [m.foo]. Ordering on a single-value metrics aggregation can only be done on its value.")]
    [InlineData("""{"t>m":"asc"}""", """{"t":{"terms":{"field":"camera"},"aggs":{"m":{"max":{"field":"alt"}}}}}""", "Invalid aggregation order path [t>m]. Buckets can only be sorted on a sub-aggregator path that is built out of zero or more single-bucket aggregations within the path and a final single-bucket or a metrics aggregation at the path end. [t] is not single-bucket.")]
    [InlineData("""{"t":"asc"}""", """{"t":{"terms":{"field":"camera"}}}""", "Invalid aggregation order path [t]. Buckets can only be sorted on a sub-aggregator path")]
    [InlineData("""{"f.x":"asc"}""", """{"f":{"filter":{"match_all":{}}}}""", "Invalid aggregation order path [f.x]. Ordering on a single-bucket aggregation can only be done on its doc_count.")]
    [InlineData("""{"f[a]>m":"asc"}""", """{"f":{"filter":{"match_all":{}},"aggs":{"m":{"max":{"field":"alt"}}}}}""", "Invalid aggregation order path [f[a]>m]. Key only allowed on last aggregation path element but got [f[a]]")]
    public void Terms_BadOrderPathsFailAsElasticsearchDoes(string order, string subs, string reason)
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""{"c":{"terms":{"field":"camera","order":ORDER},"aggs":SUBS}}""".Replace("ORDER", order, StringComparison.Ordinal).Replace("SUBS", subs, StringComparison.Ordinal)));

        Assert.Equal(400, error.Status);
        Assert.Equal("aggregation_execution_exception", error.CausedBy?.Type ?? error.Type);
        Assert.StartsWith(reason, error.CausedBy?.Message ?? error.Message, StringComparison.Ordinal);
    }
}
