using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

/// <summary>Duplicate keys, invalid UTF-8 and broken JSON get Elasticsearch-shaped 400s and change nothing (issue 14).</summary>
public sealed class MalformedJsonTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    [Fact]
    public async Task Document_WithDuplicateKey_IsRefused()
    {
        var (status, json) = await _store.SendAsync("PUT", "/d/_doc/1", """{"a":1,"b":{"c":1,"c":2}}""");

        Assert.Equal(400, status);
        Assert.Equal("document_parsing_exception", json!["error"]!["type"]!.GetValue<string>());
        Assert.Equal("[1:19] failed to parse: Duplicate field 'c'", json["error"]!["reason"]!.GetValue<string>());
        Assert.Equal("json_parse_exception", json["error"]!["caused_by"]!["type"]!.GetValue<string>());
        Assert.Equal(404, (await _store.SendAsync("GET", "/d/_doc/1")).Status);
    }

    [Fact]
    public async Task BulkItem_WithDuplicateKey_FailsOnlyItself()
    {
        var body = "{\"index\":{\"_index\":\"d\",\"_id\":\"1\"}}\n{\"a\":1,\"a\":2}\n{\"index\":{\"_index\":\"d\",\"_id\":\"2\"}}\n{\"a\":1}\n";

        var json = await _store.OkAsync("POST", "/_bulk", body);

        Assert.True(json["errors"]!.GetValue<bool>());
        Assert.Equal(400, json["items"]![0]!["index"]!["status"]!.GetValue<int>());
        Assert.Contains("Duplicate field 'a'", json["items"]![0]!["index"]!["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(201, json["items"]![1]!["index"]!["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/d/_search", """{"query":{"match_all":{}},"query":{"match_none":{}}}""", "[1:27] Duplicate field 'query'")]
    [InlineData("/_aliases", """{"actions":[],"actions":[]}""", "[1:15] Duplicate field 'actions'")]
    public async Task RequestBody_WithDuplicateKey_IsRefused(string path, string body, string reason)
    {
        await _store.OkAsync("PUT", "/d");

        var (status, json) = await _store.SendAsync("POST", path, body);

        Assert.Equal(400, status);
        Assert.Equal("x_content_parse_exception", json!["error"]!["type"]!.GetValue<string>());
        Assert.Equal(reason, json["error"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task BulkActionLine_WithDuplicateKey_FailsTheRequest()
    {
        var (status, json) = await _store.SendAsync("POST", "/_bulk", "{\"index\":{\"_index\":\"d\",\"_index\":\"e\"}}\n{\"a\":1}\n");

        Assert.Equal(400, status);
        Assert.Equal("Malformed action/metadata line [1], Duplicate field '_index'", json!["error"]!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("PUT", "/d/_doc/1")]
    [InlineData("POST", "/d/_search")]
    [InlineData("POST", "/_bulk")]
    public async Task InvalidUtf8_Is400(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new ByteArrayContent([.. "{\"a\":\"x"u8, 0xFF, .. "\"}\n"u8]),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        using var response = await _store.Client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("x_content_parse_exception", json["error"]!["type"]!.GetValue<string>());
        Assert.Equal("[1:8] Invalid UTF-8 start byte 0xff", json["error"]!["reason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("PUT", "/d/_doc/1", "{\"a\":")]
    [InlineData("PUT", "/d/_doc/1", "[1,2]")]
    [InlineData("POST", "/d/_search", "{\"query\":")]
    [InlineData("POST", "/d/_search", "{\"query\":{\"match_all\":{}}}}")]
    [InlineData("POST", "/d/_update/1", "{\"doc\":{\"a\":1,}}")]
    [InlineData("POST", "/_bulk", "{\"index\":{\"_index\":\"d\"}}\n{\"a\":\n")]
    [InlineData("POST", "/d/_mget", "{\"ids\":[1,}")]
    public async Task MalformedJson_Is4xxInElasticsearchShape(string method, string path, string body)
    {
        await _store.OkAsync("PUT", "/d");

        var (status, json) = await _store.SendAsync(method, path, body);

        if (path == "/_bulk" && status == 200)
        {
            Assert.True(json!["errors"]!.GetValue<bool>());
            return;
        }

        Assert.InRange(status, 400, 499);
        Assert.NotNull(json!["error"]!["type"]);
        Assert.NotNull(json["error"]!["reason"]);
        Assert.Equal(status, json["status"]!.GetValue<int>());
    }

    public void Dispose() => _store.Dispose();
}
