using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Search;

namespace Gateway.EmbeddedStore.Tests.Infrastructure;

/// <summary>An in-memory (or on-disk) store with an HttpClient over its in-process handler.</summary>
public sealed class StoreHarness : IDisposable
{
    private StoreHarness(EmbeddedStore store)
    {
        Store = store;
        Handler = new EmbeddedStoreHandler(store);
        Client = new HttpClient(Handler, disposeHandler: false) { BaseAddress = new Uri("http://embedded:9200") };
    }

    public EmbeddedStore Store { get; }

    public EmbeddedStoreHandler Handler { get; }

    public HttpClient Client { get; }

    public static StoreHarness InMemory(EmbeddedStoreOptions? options = null, TimeProvider? time = null) =>
        new(EmbeddedStore.CreateInMemory(new SearchService(), options, time));

    public static StoreHarness OnDisk(string path, EmbeddedStoreOptions? options = null)
    {
        options ??= new EmbeddedStoreOptions();
        options.DataPath = path;
        return new StoreHarness(EmbeddedStore.Open(options, new SearchService()));
    }

    public async Task<(int Status, JsonNode? Body)> SendAsync(string method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode> OkAsync(string method, string path, string? body = null)
    {
        var (status, json) = await SendAsync(method, path, body);
        Assert.True(status is >= 200 and < 300, $"{method} {path} -> {status}: {json?.ToJsonString()}");
        return json!;
    }

    public void Dispose()
    {
        Client.Dispose();
        Handler.Dispose();
        Store.Dispose();
    }
}
