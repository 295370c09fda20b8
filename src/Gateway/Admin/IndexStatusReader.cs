using System.Text.Json.Nodes;
using Gateway.Upstream;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Admin;

/// <summary>Reads indices, their aliases, vector fields and document counts from the upstream (real cluster or embedded store alike).</summary>
internal sealed class IndexStatusReader(UpstreamClient upstream)
{
    /// <summary>Every non-system index, or the upstream's error text when it cannot be read.</summary>
    public async Task<(IReadOnlyList<IndexStatus> Indices, string? Error)> ReadAsync(CancellationToken cancellationToken)
    {
        var mappings = await upstream.SendAsync(HttpMethod.GET, "/_mapping", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!mappings.IsSuccess || mappings.Body is not JsonObject indices)
        {
            return ([], mappings.Error ?? "the upstream did not answer");
        }

        var aliases = await upstream.SendAsync(HttpMethod.GET, "/_alias", cancellationToken: cancellationToken).ConfigureAwait(false);
        var result = new List<IndexStatus>();
        foreach (var (name, mapping) in indices.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (name.StartsWith('.'))
            {
                continue;
            }

            var count = await upstream.SendAsync(HttpMethod.GET, $"/{Uri.EscapeDataString(name)}/_count", cancellationToken: cancellationToken).ConfigureAwait(false);
            long? docs = count.IsSuccess && count.Body?["count"] is JsonValue c ? c.GetValue<long>() : null;
            var indexAliases = (aliases.Body?[name]?["aliases"] as JsonObject)?.Select(kv => kv.Key).ToList() ?? [];
            result.Add(new IndexStatus(name, docs, indexAliases, VectorFields(mapping?["mappings"]?["properties"] as JsonObject, "")));
        }

        return (result, null);
    }

    private static List<string> VectorFields(JsonObject? properties, string prefix)
    {
        var fields = new List<string>();
        foreach (var (field, definition) in properties ?? [])
        {
            if (definition?["type"]?.GetValue<string>() == "dense_vector")
            {
                fields.Add($"{prefix}{field} ({definition["dims"]?.ToJsonString() ?? "?"})");
            }
            else if (definition?["properties"] is JsonObject nested)
            {
                fields.AddRange(VectorFields(nested, prefix + field + "."));
            }
        }

        return fields;
    }
}
