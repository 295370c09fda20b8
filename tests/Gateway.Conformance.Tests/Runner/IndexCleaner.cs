using System.Text.Json.Nodes;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>
/// Deletes every index (and with them every alias) after a test, as the Java runner does. Lists the indices first,
/// because a real Elasticsearch refuses <c>DELETE /*</c> while <c>action.destructive_requires_name</c> is on.
/// Then resets the persistent and transient cluster settings a test left behind, as the Java runner's
/// <c>wipeClusterSettings</c> does.
/// </summary>
internal static class IndexCleaner
{
    public static async Task<string?> DeleteAllAsync(ConformanceClient client, CancellationToken cancellationToken) =>
        await DeleteIndicesAsync(client, cancellationToken) ?? await WipeClusterSettingsAsync(client, cancellationToken);

    private static async Task<string?> WipeClusterSettingsAsync(ConformanceClient client, CancellationToken cancellationToken)
    {
        var current = await client.SendAsync("GET", "/_cluster/settings?flat_settings=true", cancellationToken: cancellationToken);
        if (current.IsError || current.Body is not JsonObject settings)
        {
            return null;
        }

        var reset = new JsonObject();
        foreach (var scope in new[] { "persistent", "transient" })
        {
            if (settings[scope] is JsonObject { Count: > 0 } values)
            {
                var nulls = new JsonObject();
                foreach (var (key, _) in values)
                {
                    nulls[key] = null;
                }

                reset[scope] = nulls;
            }
        }

        if (reset.Count == 0)
        {
            return null;
        }

        var wiped = await client.SendAsync("PUT", "/_cluster/settings", reset.ToJsonString(), cancellationToken: cancellationToken);
        return wiped.IsError ? $"cleanup: PUT /_cluster/settings answered {wiped.Status}: {wiped.BodyText}" : null;
    }

    private static async Task<string?> DeleteIndicesAsync(ConformanceClient client, CancellationToken cancellationToken)
    {
        var listing = await client.SendAsync("GET", "/_mapping?expand_wildcards=open,closed", cancellationToken: cancellationToken);
        if (listing.IsError || listing.Body is not JsonObject indices)
        {
            var wildcard = await client.SendAsync("DELETE", "/*?expand_wildcards=all", cancellationToken: cancellationToken);
            return wildcard.IsError && wildcard.Status != 404
                ? $"cleanup: GET /_mapping answered {listing.Status} and DELETE /* answered {wildcard.Status}: {wildcard.BodyText}"
                : null;
        }

        var names = indices.Select(i => i.Key).Where(n => !n.StartsWith('.')).ToList();
        foreach (var chunk in names.Chunk(50))
        {
            var path = "/" + string.Join(",", chunk.Select(Uri.EscapeDataString)) + "?expand_wildcards=open,closed&ignore_unavailable=true";
            var deleted = await client.SendAsync("DELETE", path, cancellationToken: cancellationToken);
            if (deleted.IsError)
            {
                return $"cleanup: DELETE {path} answered {deleted.Status}: {deleted.BodyText}";
            }
        }

        return null;
    }
}
