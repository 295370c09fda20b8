using System.Text;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Tests.Infrastructure;

namespace Gateway.EmbeddedStore.Tests.Rest;

/// <summary>Elasticsearch's strict content-type check on request bodies (issue 14: a text/plain _bulk delete went through).</summary>
public sealed class ContentTypeTests : IDisposable
{
    private readonly StoreHarness _store = StoreHarness.InMemory();

    [Theory]
    [InlineData("POST", "/_bulk", "{\"delete\":{\"_index\":\"t\",\"_id\":\"1\"}}\n", "text/plain")]
    [InlineData("PUT", "/t/_doc/2", "{\"a\":2}", "text/plain; charset=utf-8")]
    [InlineData("POST", "/t/_search", "{\"query\":{\"match_all\":{}}}", "application/x-www-form-urlencoded")]
    [InlineData("PUT", "/t/_doc/2", "{\"a\":2}", "application/octet-stream")]
    [InlineData("PUT", "/t/_doc/2", "a: 2", "application/yaml")]
    [InlineData("PUT", "/t/_doc/2", "{\"a\":2}", "application/cbor")]
    [InlineData("PUT", "/t/_doc/2", "{\"a\":2}", "application/smile")]
    public async Task UnsupportedType_Is406AndChangesNothing(string method, string path, string body, string contentType)
    {
        await _store.OkAsync("PUT", "/t/_doc/1?refresh=true", """{"a":1}""");

        var (status, json) = await SendAsync(method, path, body, contentType);

        Assert.Equal(406, status);
        Assert.Equal("Content-Type header [" + contentType + "] is not supported", json!["error"]!.GetValue<string>());
        Assert.Equal(406, json["status"]!.GetValue<int>());
        Assert.Equal(200, (await _store.SendAsync("GET", "/t/_doc/1")).Status);
        Assert.Equal(404, (await _store.SendAsync("GET", "/t/_doc/2")).Status);
    }

    [Fact]
    public async Task BodyWithoutContentType_Is406Missing()
    {
        var (status, json) = await SendAsync("PUT", "/t/_doc/1", """{"a":1}""", null);

        Assert.Equal(406, status);
        Assert.Equal("Content-Type header is missing", json!["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/x-ndjson")]
    [InlineData("application/vnd.elasticsearch+json; compatible-with=8")]
    [InlineData("application/vnd.elasticsearch+json;compatible-with=9")]
    [InlineData("application/vnd.elasticsearch+x-ndjson; compatible-with=9")]
    public async Task JsonTypes_AreAccepted(string contentType)
    {
        var (status, _) = await SendAsync("POST", "/_bulk", "{\"index\":{\"_index\":\"t\",\"_id\":\"1\"}}\n{\"a\":1}\n", contentType);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task UnknownCompatibleVersion_Is400()
    {
        var (status, json) = await SendAsync("PUT", "/t/_doc/1", """{"a":1}""", "application/vnd.elasticsearch+json; compatible-with=7");

        Assert.Equal(400, status);
        Assert.Equal("status_exception", json!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task MalformedType_Is400()
    {
        var (status, json) = await SendAsync("PUT", "/t/_doc/1", """{"a":1}""", "json");

        Assert.Equal(400, status);
        Assert.Equal("media_type_header_exception", json!["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoBody_NeedsNoContentType()
    {
        await _store.OkAsync("PUT", "/t/_doc/1", """{"a":1}""");

        var (status, _) = await SendAsync("GET", "/t/_search", null, null);

        Assert.Equal(200, status);
    }

    private async Task<(int Status, JsonNode? Body)> SendAsync(string method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        using var response = await _store.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose() => _store.Dispose();
}
