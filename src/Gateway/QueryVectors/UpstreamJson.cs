using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.QueryVectors;

/// <summary>Raw JSON requests through the shared Elasticsearch client (same upstream, same credentials as everything else).</summary>
internal sealed class UpstreamJson(ElasticsearchClient client)
{
    /// <summary>Sends a request; status 0 means the upstream could not be reached.</summary>
    public async Task<(int Status, JsonNode? Body)> SendAsync(TransportMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        var response = body is null
            ? await client.Transport.RequestAsync<StringResponse>(method, path, cancellationToken).ConfigureAwait(false)
            : await client.Transport.RequestAsync<StringResponse>(method, path, PostData.String(body), cancellationToken).ConfigureAwait(false);
        var status = response.ApiCallDetails.HttpStatusCode ?? 0;
        JsonNode? node = null;
        if (!string.IsNullOrEmpty(response.Body))
        {
            try
            {
                node = JsonNode.Parse(response.Body);
            }
            catch (JsonException)
            {
                node = null;
            }
        }

        return (status, node);
    }

    /// <summary>Reads a float vector from a JSON array; null when absent or not numeric.</summary>
    public static float[]? Vector(JsonNode? node)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            return null;
        }

        var vector = new float[array.Count];
        for (var i = 0; i < vector.Length; i++)
        {
            if (array[i] is not JsonValue value || !value.TryGetValue<double>(out var number))
            {
                return null;
            }

            vector[i] = (float)number;
        }

        return vector;
    }
}
