using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

public sealed class AdjacencyMatrixAggregationTests
{
    [Fact]
    public void FiltersAndTheirNonEmptyIntersections_SortedByKey()
    {
        var buckets = AggregationData.Aggs("""
            {"a":{"adjacency_matrix":{"separator":"+","filters":{"tall":{"range":{"alt":{"gte":4000}}},"iphone":{"term":{"camera":"iPhone"}},"sony":{"term":{"camera":"Sony"}}}},"aggs":{"m":{"max":{"field":"alt"}}}}}
            """)["a"]!["buckets"]!.AsArray();

        Assert.Equal(["iphone", "iphone+tall", "sony", "tall"], buckets.Select(b => b!["key"]!.GetValue<string>()));
        Assert.Equal([2L, 2, 1, 2], buckets.Select(b => b!["doc_count"]!.GetValue<long>()));
        Assert.Equal(5100, buckets[1]!["m"]!["value"]!.GetValue<double>());
    }

    [Fact]
    public void UnknownOption_IsRefused()
    {
        var error = Assert.Throws<StoreException>(() => AggregationData.Aggs("""{"a":{"adjacency_matrix":{"filters":{},"keyed":true}}}"""));

        Assert.Equal("[adjacency_matrix] unknown field [keyed]", error.Message);
    }

}
