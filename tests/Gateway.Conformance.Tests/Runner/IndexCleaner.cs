using System.Text.Json.Nodes;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>
/// Deletes every index (and with them every alias) after a test, as the Java runner does. Lists the indices first,
/// because a real Elasticsearch refuses <c>DELETE /*</c> while <c>action.destructive_requires_name</c> is on.
/// </summary>
internal static class IndexCleaner
{
    public static async Task<string?> DeleteAllAsync(ConformanceClient client, CancellationToken cancellationToken)
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
