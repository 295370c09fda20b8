using System.Text;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Tests.Infrastructure;

/// <summary>Raw JSON requests through the official client (the rewrite forms are not in its typed API).</summary>
internal static class EsRequests
{
    public static async Task<(int Status, JsonNode? Body)> SendAsync(this ElasticsearchClient client, TransportMethod method, string path, string? body = null)
    {
        var response = body is null
            ? await client.Transport.RequestAsync<StringResponse>(method, path)
            : await client.Transport.RequestAsync<StringResponse>(method, path, PostData.String(body));
        var status = response.ApiCallDetails.HttpStatusCode ?? 0;
        return (status, string.IsNullOrEmpty(response.Body) ? null : JsonNode.Parse(response.Body));
    }

    public static async Task<JsonNode> OkAsync(this ElasticsearchClient client, TransportMethod method, string path, string? body = null)
    {
        var (status, json) = await client.SendAsync(method, path, body);
        Assert.True(status is 200 or 201, $"{method} {path} answered {status}: {json?.ToJsonString()}");
        return json!;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static List<string> Ids(JsonNode response) =>
        [.. response["hits"]!["hits"]!.AsArray().Select(h => h!["_id"]!.GetValue<string>())];
}
