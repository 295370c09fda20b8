using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Mapping;

/// <summary>The <c>ip</c>, <c>binary</c> and <c>date_nanos</c> mapping types.</summary>
public sealed class ExactValueTypesTests : IDisposable
{
    private readonly StoreHarness _harness = StoreHarness.InMemory();

    private async Task SeedAsync()
    {
        await _harness.OkAsync("PUT", "/net", """{"mappings":{"properties":{"ip":{"type":"ip"},"blob":{"type":"binary"},"t":{"type":"date_nanos"}}}}""");
        await _harness.OkAsync("PUT", "/net/_doc/1", """{"ip":"::ffff:10.1.2.3","blob":"aGVsbG8=","t":"2024-05-01T10:00:00.123456789Z"}""");
        await _harness.OkAsync("PUT", "/net/_doc/2", """{"ip":"2001:DB8::1"}""");
        await _harness.OkAsync("PUT", "/net/_doc/3", """{"ip":"10.1.9.9"}""");
        await _harness.OkAsync("PUT", "/net/_doc/4?refresh=true", """{"ip":"192.168.0.1"}""");
    }

    private async Task<string[]> IdsAsync(string query)
    {
        var result = await _harness.OkAsync("POST", "/net/_search", "{\"sort\":[\"_doc\"],\"query\":" + query + "}");
        return [.. result["hits"]!["hits"]!.AsArray().Select(h => h!["_id"]!.GetValue<string>())];
    }

    [Fact]
    public async Task Mapping_ReportsTheTypesAsGiven()
    {
        await SeedAsync();
        var props = (await _harness.OkAsync("GET", "/net/_mapping"))["net"]!["mappings"]!["properties"]!;

        Assert.Equal("ip", props["ip"]!["type"]!.GetValue<string>());
        Assert.Equal("binary", props["blob"]!["type"]!.GetValue<string>());
        Assert.Equal("date_nanos", props["t"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"term":{"ip":"10.1.2.3"}}""", "1")]
    [InlineData("""{"term":{"ip":"::ffff:10.1.2.3"}}""", "1")]
    [InlineData("""{"term":{"ip":"2001:db8:0:0:0:0:0:1"}}""", "2")]
    [InlineData("""{"term":{"ip":"10.1.0.0/16"}}""", "1,3")]
    [InlineData("""{"terms":{"ip":["192.168.0.0/24","2001:db8::/32"]}}""", "2,4")]
    [InlineData("""{"exists":{"field":"blob"}}""", "1")]
    [InlineData("""{"range":{"t":{"gte":"2024-05-01T10:00:00.123Z","lt":"2024-05-01T10:00:00.124Z"}}}""", "1")]
    public async Task Queries_MatchCanonicalAddressesCidrRangesAndNanosDates(string query, string expected)
    {
        await SeedAsync();

        Assert.Equal(expected.Split(','), await IdsAsync(query));
    }

    [Fact]
    public async Task Source_KeepsTheValueAsSent_TermsAggregationGivesCanonicalKeys()
    {
        await SeedAsync();
        var doc = await _harness.OkAsync("GET", "/net/_doc/1");
        var aggs = await _harness.OkAsync("POST", "/net/_search", """{"size":0,"aggs":{"ips":{"terms":{"field":"ip","include":["10.1.2.3","2001:db8::1"]}}}}""");

        Assert.Equal("::ffff:10.1.2.3", doc["_source"]!["ip"]!.GetValue<string>());
        var keys = aggs["aggregations"]!["ips"]!["buckets"]!.AsArray().Select(b => b!["key"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["10.1.2.3", "2001:db8::1"], keys);
    }

    [Theory]
    [InlineData("""{"ip":"10.1.2"}""", "failed to parse field [ip] of type [ip]")]
    [InlineData("""{"ip":"not-an-ip"}""", "'not-an-ip' is not an IP string literal.")]
    [InlineData("""{"blob":"*** not base64 ***"}""", "failed to parse field [blob] of type [binary]")]
    [InlineData("""{"t":"yesterday"}""", "failed to parse field [t] of type [date_nanos]")]
    public async Task BadValues_Are400AndNothingIsStored(string doc, string reason)
    {
        await SeedAsync();
        var (status, body) = await _harness.SendAsync("PUT", "/net/_doc/9?refresh=true", doc);
        var (getStatus, _) = await _harness.SendAsync("GET", "/net/_doc/9");

        Assert.Equal(400, status);
        Assert.Contains(reason, Reasons(body), StringComparison.Ordinal);
        Assert.Equal(404, getStatus);
    }

    [Theory]
    [InlineData("""{"query":{"term":{"blob":"aGVsbG8="}}}""", "Binary fields do not support searching")]
    [InlineData("""{"query":{"term":{"ip":"10.1.2.3.4"}}}""", "is not an IP string literal")]
    [InlineData("""{"size":0,"aggs":{"ips":{"terms":{"field":"ip","exclude":"10.*"}}}}""", "cannot support regular expression style include/exclude")]
    public async Task BadSearches_Are400(string body, string reason)
    {
        await SeedAsync();
        var (status, error) = await _harness.SendAsync("POST", "/net/_search", body);

        Assert.Equal(400, status);
        Assert.Contains(reason, Reasons(error), StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();

    // The reasons of the error and its causes (ToJsonString escapes the quotes that reasons contain).
    private static string Reasons(System.Text.Json.Nodes.JsonNode? body)
    {
        var reasons = new List<string>();
        for (var error = body?["error"]; error is not null; error = error["caused_by"])
        {
            reasons.Add(error["reason"]?.GetValue<string>() ?? "");
            reasons.AddRange(error["root_cause"]?.AsArray().Select(c => c?["reason"]?.GetValue<string>() ?? "") ?? []);
        }

        return string.Join(" | ", reasons);
    }
}
