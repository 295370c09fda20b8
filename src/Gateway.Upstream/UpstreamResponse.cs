using System.Text.Json.Nodes;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Gateway.Upstream;

/// <summary>An upstream answer: the HTTP status (0 when no answer came), the parsed JSON body and a readable error.</summary>
/// <param name="Status">HTTP status code, or 0 when the request failed before a response.</param>
/// <param name="Body">The JSON body, or null when there was none or it was not JSON.</param>
/// <param name="Error">The upstream's error reason or the transport failure; null on success.</param>
public sealed record UpstreamResponse(int Status, JsonNode? Body, string? Error)
{
    /// <summary>2xx.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The upstream's Elasticsearch-shaped error as status, type and reason, or null on success. Without an
    /// error body the type is <c>status_exception</c> (status 502 when no answer came).</summary>
    public (int Status, string Type, string Reason)? ElasticsearchError => IsSuccess ? null
        : Status == 0 ? (502, "status_exception", "the upstream did not answer: " + Error)
        : Body?["error"] is JsonObject error
            ? (Status, error["type"]?.ToString() ?? "status_exception", error["reason"]?.ToString() ?? Error ?? $"HTTP {Status}")
            : (Status, "status_exception", Error ?? $"HTTP {Status}");

    /// <summary>
    /// Null when the answer is 2xx (or one of <paramref name="alsoAccept"/>); otherwise the failure of
    /// <paramref name="method"/> <paramref name="path"/> as one readable reason, for an <see cref="Outcome"/>.
    /// </summary>
    public string? FailureOf(HttpMethod method, string path, params int[] alsoAccept)
    {
        ArgumentNullException.ThrowIfNull(alsoAccept);
        return IsSuccess || alsoAccept.Contains(Status) ? null : $"{method} {path} failed with status {Status}: {Error}";
    }

    /// <summary>Worth retrying: no answer, 429 or a 5xx gateway/availability status.</summary>
    public bool IsTransient => Status is 0 or 429 or 502 or 503 or 504;
}
