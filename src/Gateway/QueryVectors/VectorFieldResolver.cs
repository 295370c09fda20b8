using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Gateway.Rewrite;
using Gateway.Upstream;
using Microsoft.Extensions.Options;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace Gateway.QueryVectors;

/// <summary>
/// Finds an index expression's dense_vector fields from its mapping (through the shared client) and picks the
/// default: the one configured for the expression (<see cref="RewriteOptions.VectorFields"/>), else the one
/// configured for every concrete index, else the only one. The mapping is read with the caller's credentials
/// (<see cref="CallerCredentials"/>); successful look-ups are cached for a minute per caller.
/// </summary>
internal sealed class VectorFieldResolver(UpstreamClient upstream, CallerCredentials callers, IOptions<RewriteOptions> options, TimeProvider time) : IVectorFieldResolver
{
    private static readonly TimeSpan CacheTime = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, (VectorFields Fields, long At)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<VectorFields?> ResolveAsync(string indexExpression, CancellationToken cancellationToken)
    {
        if (callers.For(indexExpression) is not { } caller)
        {
            return null;
        }

        var key = caller.Authorization + "\n" + indexExpression;
        if (_cache.TryGetValue(key, out var cached) && time.GetElapsedTime(cached.At) < CacheTime)
        {
            return cached.Fields;
        }

        var path = "/" + string.Join(',', indexExpression.Split(',').Select(Uri.EscapeDataString)) + "/_mapping";
        var response = await upstream.SendAsAsync(caller, TransportMethod.GET, path, null, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404 && response.Body?["error"]?["type"]?.GetValue<string>() == "index_not_found_exception")
        {
            // Not cached: the index may be created any moment (the first album scan).
            return new VectorFields([], null, response.Body["error"]?["index"]?.GetValue<string>() ?? indexExpression);
        }

        if (response.Status != 200 || response.Body is not JsonObject indices || indices.Count == 0)
        {
            return null;
        }

        List<string>? common = null;
        var configured = options.Value.VectorFields;
        var perIndexDefaults = new HashSet<string?>(StringComparer.Ordinal);
        foreach (var (index, mapping) in indices)
        {
            var found = new List<string>();
            // Anything but {index: {mappings: {properties: ...}}} (an upstream that is not Elasticsearch) has no fields.
            Collect((mapping as JsonObject)?["mappings"] is JsonObject mappings ? mappings["properties"] as JsonObject : null, "", found);
            common = common is null ? found : [.. common.Intersect(found, StringComparer.Ordinal)];
            perIndexDefaults.Add(configured.GetValueOrDefault(index));
        }

        var all = common ?? [];
        var fallback = perIndexDefaults.Count == 1 ? perIndexDefaults.First() : null;
        var preferred = configured.GetValueOrDefault(indexExpression) ?? fallback;
        var defaultField = preferred is not null && all.Contains(preferred, StringComparer.Ordinal) ? preferred
            : all.Count == 1 ? all[0]
            : null;
        var fields = new VectorFields(all, defaultField);
        if (all.Count > 0)
        {
            _cache[key] = (fields, time.GetTimestamp());
        }

        return fields;
    }

    private static void Collect(JsonObject? properties, string prefix, List<string> found)
    {
        if (properties is null)
        {
            return;
        }

        foreach (var (name, value) in properties)
        {
            if (value is not JsonObject node)
            {
                continue;
            }

            var path = prefix + name;
            if (node["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind == "dense_vector")
            {
                found.Add(path);
            }

            Collect(node["properties"] as JsonObject, path + ".", found);
        }
    }
}
