using System.Text.Json.Nodes;
using Gateway.Embeddings.Service;
using Gateway.Rewrite;
using Gateway.Upstream;
using Microsoft.Extensions.Options;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.QueryVectors;

/// <summary>
/// Identifies the peak an image shows: kNN over the catalog prototypes through the shared client. The upstream
/// scores cosine fields as (1 + cos) / 2, so cos = 2 × score − 1; confidence is SigLIP's sigmoid of the
/// cosine with the model's logit scale and bias (<see cref="PromptEmbedder.Score"/>).
/// </summary>
internal sealed class PeakIdentifier(UpstreamClient upstream, PromptEmbedder prompts, IOptions<CatalogQueryOptions> options, IOptions<GatewayIndicesOptions> indices)
{
    private readonly CatalogQueryOptions _options = options.Value;
    private readonly GatewayIndicesOptions _indices = indices.Value;

    public async Task<IReadOnlyList<IdentifiedPeak>> IdentifyAsync(float[] vector, int? top, CancellationToken cancellationToken)
    {
        var k = Math.Clamp(top ?? _options.IdentifyTop, 1, 50);
        var body = new JsonObject
        {
            ["knn"] = new JsonObject
            {
                ["field"] = _indices.CatalogVectorField,
                ["query_vector"] = new JsonArray([.. vector.Select(v => (JsonNode)v)]),
                ["k"] = k,
                ["num_candidates"] = Math.Max(100, k * 10),
            },
            ["size"] = k,
            ["_source"] = new JsonArray("id", "names", "name"),
        };
        var response = await upstream.SendAsAsync(UpstreamCaller.Gateway, TransportMethod.POST, $"/{_indices.Catalog}/_search", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        if (response.Status != 200 || response.Body?["hits"]?["hits"] is not JsonArray hits)
        {
            return [];
        }

        var peaks = new List<IdentifiedPeak>(hits.Count);
        foreach (var hit in hits)
        {
            var source = hit?["_source"];
            var id = source?["id"]?.GetValue<string>() ?? hit?["_id"]?.GetValue<string>();
            if (id is null || hit?["_score"] is not JsonValue scoreNode || !scoreNode.TryGetValue<double>(out var score))
            {
                continue;
            }

            var cosine = (2 * score) - 1;
            var name = source?["names"] switch
            {
                JsonArray names when names.Count > 0 => names[0]?.GetValue<string>(),
                JsonValue value => value.GetValue<string>(),
                _ => source?["name"]?.GetValue<string>(),
            };
            peaks.Add(new IdentifiedPeak(id, name ?? id, cosine, prompts.Score(cosine)));
        }

        return peaks;
    }
}
