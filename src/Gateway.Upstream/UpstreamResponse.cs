using System.Text.Json.Nodes;

namespace Gateway.Upstream;

/// <summary>An upstream answer: the HTTP status (0 when no answer came), the parsed JSON body and a readable error.</summary>
/// <param name="Status">HTTP status code, or 0 when the request failed before a response.</param>
/// <param name="Body">The JSON body, or null when there was none or it was not JSON.</param>
/// <param name="Error">The upstream's error reason or the transport failure; null on success.</param>
public sealed record UpstreamResponse(int Status, JsonNode? Body, string? Error)
{
    /// <summary>2xx.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Worth retrying: no answer, 429 or a 5xx gateway/availability status.</summary>
    public bool IsTransient => Status is 0 or 429 or 502 or 503 or 504;
}
