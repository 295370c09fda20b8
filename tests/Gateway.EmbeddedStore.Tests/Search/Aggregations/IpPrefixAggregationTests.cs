using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Search.Aggregations;

/// <summary>ip_prefix: networks of IPv4 and IPv6 addresses on ES's 16-byte encoding, and its option checks.</summary>
public sealed class IpPrefixAggregationTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    public IpPrefixAggregationTests()
    {
        _store.OkAsync("PUT", "/ip", """{"mappings":{"properties":{"ipv4":{"type":"ip"},"ipv6":{"type":"ip"},"v":{"type":"long"}}}}""").GetAwaiter().GetResult();
        (string V4, string V6, int V)[] docs =
        [
            ("192.168.1.10", "2001:db8:a4f8:112a:6001:0:12:7f10", 10),
            ("192.168.1.12", "2001:db8:a4f8:112a:6001:0:12:7f12", 20),
            ("192.168.2.41", "2001:db8:a4f8:112c:6001:0:12:7f41", 30),
        ];
        for (var i = 0; i < docs.Length; i++)
        {
            _store.OkAsync("PUT", $"/ip/_doc/{i + 1}", "{\"ipv4\":\"" + docs[i].V4 + "\",\"ipv6\":\"" + docs[i].V6 + "\",\"v\":" + docs[i].V + "}").GetAwaiter().GetResult();
        }

        _store.OkAsync("POST", "/ip/_refresh").GetAwaiter().GetResult();
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("ipv4", false, 24, false, "192.168.1.0:2:255.255.255.0,192.168.2.0:1:255.255.255.0")]
    [InlineData("ipv4", false, 13, true, "192.168.0.0/13:3:255.248.0.0")]
    [InlineData("ipv4", true, 24, false, ":::3:")]
    [InlineData("ipv6", true, 64, false, "2001:db8:a4f8:112a:::2:,2001:db8:a4f8:112c:::1:")]
    [InlineData("ipv6", false, 16, false, "0.18.0.0:3:255.255.0.0")]
    public async Task Networks(string field, bool isIpv6, int prefix, bool append, string expected)
    {
        var r = await _store.OkAsync("POST", "/ip/_search", "{\"size\":0,\"aggs\":{\"p\":{\"ip_prefix\":{\"field\":\"" + field + "\",\"is_ipv6\":" + (isIpv6 ? "true" : "false") +
            ",\"prefix_len\":" + prefix + ",\"append_prefix_len\":" + (append ? "true" : "false") + "},\"aggs\":{\"s\":{\"sum\":{\"field\":\"v\"}}}}}}");

        var buckets = r["aggregations"]!["p"]!["buckets"]!.AsArray();
        Assert.Equal(expected, string.Join(",", buckets.Select(b => b!["key"]!.GetValue<string>() + ":" + b["doc_count"]!.GetValue<long>() + ":" + (b["netmask"]?.GetValue<string>() ?? string.Empty))));
        Assert.All(buckets, b => Assert.Equal(prefix, b!["prefix_len"]!.GetValue<int>()));
        Assert.NotNull(buckets[0]!["s"]);
    }

    [Theory]
    [InlineData("""{"field":"ipv4","prefix_len":44}""", "[prefix_len] must be in range [0, 32] for aggregation [p]")]
    [InlineData("""{"field":"ipv6","is_ipv6":true,"prefix_len":170}""", "[prefix_len] must be in range [0, 128] for aggregation [p]")]
    [InlineData("""{"field":"ipv4"}""", "[prefix_len] is required for aggregation [p]")]
    [InlineData("""{"field":"v","prefix_len":8}""", "Field [v] of type [long] is not supported for aggregation [ip_prefix]")]
    public async Task BadOptionsAreRefused(string options, string reason)
    {
        var (status, json) = await _store.SendAsync("POST", "/ip/_search", """{"size":0,"aggs":{"p":{"ip_prefix":OPT}}}""".Replace("OPT", options, StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Contains(reason, json!.ToJsonString(), StringComparison.Ordinal);
    }
}
