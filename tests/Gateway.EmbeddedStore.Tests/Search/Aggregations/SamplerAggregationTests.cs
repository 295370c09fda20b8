using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>sampler and diversified_sampler: the best-scoring documents of each index as one bucket.</summary>
public sealed class SamplerAggregationTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public SamplerAggregationTests()
    {
        _store.OkAsync("PUT", "/s", """{"mappings":{"properties":{"tags":{"type":"text"},"author":{"type":"keyword"},"number":{"type":"integer"}}}}""").GetAwaiter().GetResult();
        string[] docs =
        [
            """{"tags":"kibana","author":"a","number":1}""",
            """{"tags":"kibana","author":"a","number":2}""",
            """{"tags":"kibana","author":"b","number":3}""",
            """{"tags":"javascript","author":"b","number":4}""",
        ];
        for (var i = 0; i < docs.Length; i++)
        {
            _store.OkAsync("PUT", $"/s/_doc/{i + 1}", docs[i]).GetAwaiter().GetResult();
        }

        _store.OkAsync("POST", "/s/_refresh").GetAwaiter().GetResult();
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("""{"sampler":{"shard_size":1}}""", 1, 4, 4)]
    [InlineData("""{"sampler":{}}""", 4, 1, 4)]
    [InlineData("""{"diversified_sampler":{"field":"author"}}""", 2, 1, 4)]
    [InlineData("""{"diversified_sampler":{"field":"author","max_docs_per_value":2,"shard_size":3}}""", 3, 1, 4)]
    public async Task Sampler_KeepsTheBestScoringDocuments(string definition, long count, double min, double max)
    {
        // javascript is the rarer term: document 4 scores highest, then the kibana documents in order.
        var r = await _store.OkAsync("POST", "/s/_search", """
            {"size":0,"query":{"query_string":{"query":"tags:kibana OR tags:javascript"}},"aggs":{"s":DEF}}
            """.Replace("DEF", definition.Replace("}}", "},\"aggs\":{\"min\":{\"min\":{\"field\":\"number\"}},\"max\":{\"max\":{\"field\":\"number\"}}}}", StringComparison.Ordinal), StringComparison.Ordinal));

        var s = r["aggregations"]!["s"]!;
        Assert.Equal(count, s["doc_count"]!.GetValue<long>());
        Assert.Equal(min, s["min"]!["value"]!.GetValue<double>());
        Assert.Equal(max, s["max"]!["value"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("""{"sampler":{"shard_size":-1}}""", "[shardSize] must be greater than or equal to 0. Found [-1] in [s]")]
    [InlineData("""{"diversified_sampler":{}}""", "Required one of fields [field, script]")]
    [InlineData("""{"diversified_sampler":{"field":"author","max_docs_per_value":0}}""", "[maxDocsPerValue] must be greater than 0. Found [0] in [s]")]
    [InlineData("""{"sampler":{"field":"author"}}""", "[sampler] unknown field [field]")]
    public async Task BadOptionsAreRefused(string definition, string reason)
    {
        var (status, json) = await _store.SendAsync("POST", "/s/_search", """{"size":0,"aggs":{"s":DEF}}""".Replace("DEF", definition, StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Contains(reason, json!.ToJsonString(), StringComparison.Ordinal);
    }
}
