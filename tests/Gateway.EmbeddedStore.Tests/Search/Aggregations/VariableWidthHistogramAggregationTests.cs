using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>variable_width_histogram: clusters by closest centroids, their bounds, and ES's option checks.</summary>
public sealed class VariableWidthHistogramAggregationTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public VariableWidthHistogramAggregationTests()
    {
        _store.OkAsync("PUT", "/v", """{"mappings":{"properties":{"number":{"type":"integer"}}}}""").GetAwaiter().GetResult();
        int[] numbers = [-3, -2, 1, 4, 5, 5];
        for (var i = 0; i < numbers.Length; i++)
        {
            _store.OkAsync("PUT", $"/v/_doc/{i + 1}", "{\"number\":" + numbers[i] + "}").GetAwaiter().GetResult();
        }

        _store.OkAsync("POST", "/v/_refresh").GetAwaiter().GetResult();
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData(3, "-3/-2.5/-2:2,1/1/1:1,4/4.666666666666667/5:3")]
    [InlineData(2, "-3/-1.3333333333333333/1:3,4/4.666666666666667/5:3")]
    [InlineData(10, "-3/-3/-3:1,-2/-2/-2:1,1/1/1:1,4/4/4:1,5/5/5:2")]
    public async Task Clusters_MergeTheClosestCentroids(int buckets, string expected)
    {
        var r = await _store.OkAsync("POST", "/v/_search", """{"size":0,"aggs":{"h":{"variable_width_histogram":{"field":"number","buckets":N}}}}""".Replace("N", buckets.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var rendered = string.Join(",", r["aggregations"]!["h"]!["buckets"]!.AsArray().Select(b =>
            string.Join("/", new[] { "min", "key", "max" }.Select(k => b![k]!.GetValue<double>().ToString(System.Globalization.CultureInfo.InvariantCulture))) + ":" + b!["doc_count"]!.GetValue<long>()));
        Assert.Equal(expected, rendered);
    }

    [Theory]
    [InlineData("""{"buckets":0}""", "buckets must be greater than [0] for [h]")]
    [InlineData("""{"shard_size":1}""", "shard_size must be greater than [1] for [h]")]
    [InlineData("""{"initial_buffer":0}""", "initial_buffer must be greater than [0] for [h]")]
    [InlineData("""{"buckets":20,"initial_buffer":10}""", "initial_buffer must be at least buckets but was [10<20] for [h]")]
    [InlineData("""{"buckets":20,"shard_size":20}""", "3/4 of shard_size must be at least buckets but was [15<20] for [h]")]
    [InlineData("""{"interval":1}""", "[variable_width_histogram] unknown field [interval]")]
    public async Task BadOptionsAreRefused(string options, string reason)
    {
        var definition = options.Replace("{", """{"field":"number",""", StringComparison.Ordinal);
        var (status, json) = await _store.SendAsync("POST", "/v/_search", """{"size":0,"aggs":{"h":{"variable_width_histogram":DEF}}}""".Replace("DEF", definition, StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Contains(reason, json!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }
}
