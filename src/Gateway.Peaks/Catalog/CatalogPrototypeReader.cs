using System.Text.Json.Nodes;
using Gateway.Upstream;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Peaks.Catalog;

/// <summary>
/// Reads every prototype of a catalog index, for the query path (names and prototypes) and for ingestion (peak
/// prediction). Works on Elasticsearch 9.1 and on 9.2+, which leaves vectors out of <c>_source</c> unless asked.
/// </summary>
public sealed class CatalogPrototypeReader(UpstreamClient upstream)
{
    /// <summary>The prototypes in <paramref name="index"/> (vector field <paramref name="vectorField"/>), ordered by id; an
    /// empty list when the index does not exist; the upstream's answer when it fails.</summary>
    public async Task<CatalogRead> ReadAsync(string index, string vectorField, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(index);
        ArgumentException.ThrowIfNullOrEmpty(vectorField);
        var askForVectors = await upstream.ExcludesVectorsFromSourceAsync(cancellationToken).ConfigureAwait(false);
        var response = await SearchAsync(index, askForVectors, cancellationToken).ConfigureAwait(false);
        if (!askForVectors && response.IsSuccess && Hits(response).Any(h => h?["_source"]?[vectorField] is null))
        {
            // A cluster whose version we could not read, or an index with index.mapping.exclude_source_vectors.
            var again = await SearchAsync(index, exposeVectors: true, cancellationToken).ConfigureAwait(false);
            response = again.IsSuccess ? again : response;
        }

        if (response.Status == 404)
        {
            return new CatalogRead([], null);
        }

        if (!response.IsSuccess)
        {
            return new CatalogRead([], response);
        }

        var peaks = new List<CatalogPrototype>();
        foreach (var hit in Hits(response))
        {
            var source = hit?["_source"];
            var vector = JsonVectors.Read(source?[vectorField]);
            var id = Text(source?["id"]) ?? Text(hit?["_id"]);
            if (vector is null || id is null)
            {
                continue;
            }

            var names = Names(source?["names"]).Concat(Names(source?["name"])).Distinct(StringComparer.Ordinal).ToList();
            peaks.Add(new CatalogPrototype(id, names, vector, TryPeak(source)));
        }

        return new CatalogRead([.. peaks.OrderBy(p => p.Id, StringComparer.Ordinal)], null);
    }

    private Task<UpstreamResponse> SearchAsync(string index, bool exposeVectors, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["size"] = 10_000, ["query"] = new JsonObject { ["match_all"] = new JsonObject() } };
        if (exposeVectors)
        {
            body["_source"] = new JsonObject { ["exclude_vectors"] = false };
        }

        return upstream.SendAsync(HttpMethod.POST, $"/{Uri.EscapeDataString(index)}/_search", body.ToJsonString(), cancellationToken: cancellationToken);
    }

    private static IEnumerable<JsonNode?> Hits(UpstreamResponse response) => response.Body?["hits"]?["hits"] as JsonArray ?? [];

    /// <summary>The whole peak, or null for a document that is not a full catalog entry (a hand-made catalog
    /// with only names and prototypes still serves queries).</summary>
    private static Peak? TryPeak(JsonNode? source)
    {
        try
        {
            return PeakDocument.FromJson(source);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IEnumerable<string> Names(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>(),
        JsonValue value when value.TryGetValue<string>(out var name) => [name],
        _ => [],
    };
}
