using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Clients;

/// <summary>
/// elasticdump, as published, copies an index's mapping and its 5,000 documents (dense_vector, geo_point, date,
/// keyword, text) through the gateway on the embedded store; the copy has the same mapping fields, count and documents.
/// </summary>
public sealed class ElasticdumpTests : IDisposable
{
    private const int Documents = 5000;
    private const string SearchBody = """{"query":{"match_all":{}},"_source":{"exclude_vectors":false}}""";
    private readonly TempDirectory _temp = new();
    private readonly Lazy<GatewayHost> _gateway;

    public ElasticdumpTests() => _gateway = new(() => GatewayHost.Start(_temp.Path, null));

    public void Dispose()
    {
        if (_gateway.IsValueCreated)
        {
            _gateway.Value.Dispose();
        }

        _temp.Dispose();
    }

    [SkippableFact]
    public async Task RoundTrip_CopiesMappingAndEveryDocument()
    {
        Skip.If(NodeClients.MissingReason is not null, NodeClients.MissingReason);
        var http = _gateway.Value.Http;
        await SeedAsync(http);
        var source = new Uri(_gateway.Value.Address, "dump_src").ToString();
        var copy = new Uri(_gateway.Value.Address, "dump_copy").ToString();

        var mapping = await NodeClients.ElasticdumpAsync("--input=" + source, "--output=" + copy, "--type=mapping");
        Assert.True(mapping.ExitCode == 0, mapping.Stdout + mapping.Stderr);
        // Like Elasticsearch 9.2+, the store leaves dense_vector values out of _source unless asked: a dump that
        // must keep them asks with _source.exclude_vectors=false in its search body.
        var data = await NodeClients.ElasticdumpAsync("--input=" + source, "--output=" + copy, "--type=data", "--limit=500",
            "--searchBody=" + SearchBody);
        Assert.True(data.ExitCode == 0, data.Stdout + data.Stderr);
        Assert.Contains("dump complete", data.Stdout, StringComparison.Ordinal);
        await http.PostAsync("/dump_copy/_refresh", null);

        var copiedMapping = await JsonAsync(http, "/dump_copy/_mapping");
        var properties = copiedMapping["dump_copy"]!["mappings"]!["properties"]!.AsObject();
        Assert.Equal("dense_vector", properties["vec"]!["type"]!.GetValue<string>());
        Assert.Equal(16, properties["vec"]!["dims"]!.GetValue<int>());
        Assert.Equal("geo_point", properties["location"]!["type"]!.GetValue<string>());
        Assert.Equal("date", properties["taken"]!["type"]!.GetValue<string>());
        Assert.Equal("keyword", properties["tag"]!["type"]!.GetValue<string>());
        Assert.Equal("text", properties["title"]!["type"]!.GetValue<string>());

        var original = await AllSourcesAsync(http, "dump_src");
        var copied = await AllSourcesAsync(http, "dump_copy");
        Assert.Equal(Documents, original.Count);
        Assert.Equal(Documents, copied.Count);
        foreach (var (id, doc) in original)
        {
            Assert.True(copied.TryGetValue(id, out var other), "missing " + id);
            Assert.True(JsonNode.DeepEquals(doc, other), id + ": " + doc.ToJsonString() + " != " + other!.ToJsonString());
        }
    }

    private static async Task SeedAsync(HttpClient http)
    {
        var created = await http.PutAsync("/dump_src", EsRequests.Json("""
            {"settings":{"number_of_replicas":0},"mappings":{"properties":{
              "vec":{"type":"dense_vector","dims":16,"similarity":"cosine"},
              "location":{"type":"geo_point"},"taken":{"type":"date"},"tag":{"type":"keyword"},"title":{"type":"text"}}}}
            """));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var random = new Random(19);
        for (var start = 0; start < Documents; start += 1000)
        {
            var bulk = new StringBuilder();
            for (var i = start; i < start + 1000; i++)
            {
                var vector = new JsonArray(Enumerable.Range(0, 16).Select(_ => (JsonNode)Math.Round(random.NextDouble() * 2 - 1, 4)).ToArray());
                var doc = new JsonObject
                {
                    ["vec"] = vector,
                    ["location"] = new JsonObject { ["lat"] = Math.Round(random.NextDouble() * 180 - 90, 5), ["lon"] = Math.Round(random.NextDouble() * 360 - 180, 5) },
                    ["taken"] = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i * 37).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["tag"] = "tag-" + (i % 17),
                    ["title"] = "photo number " + i + " of the ridge",
                };
                bulk.Append("{\"index\":{\"_id\":\"").Append(i).Append("\"}}\n").Append(doc.ToJsonString()).Append('\n');
            }

            var response = await http.PostAsync("/dump_src/_bulk?refresh=true", new StringContent(bulk.ToString(), Encoding.UTF8, "application/x-ndjson"));
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.False(json["errors"]!.GetValue<bool>(), json.ToJsonString());
        }
    }

    private static async Task<Dictionary<string, JsonNode>> AllSourcesAsync(HttpClient http, string index)
    {
        var response = await http.PostAsync("/" + index + "/_search?size=" + Documents + "&track_total_hits=true", EsRequests.Json(SearchBody));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(Documents, json["hits"]!["total"]!["value"]!.GetValue<int>());
        return json["hits"]!["hits"]!.AsArray().ToDictionary(h => h!["_id"]!.GetValue<string>(), h => h!["_source"]!.DeepClone());
    }

    private static async Task<JsonNode> JsonAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, path + ": " + text);
        return JsonNode.Parse(text)!;
    }
}
