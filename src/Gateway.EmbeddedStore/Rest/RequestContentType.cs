using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>
/// Elasticsearch's strict content-type check (since 6.0): a request with a body must declare a type
/// it can parse. JSON (<c>application/json</c>, <c>application/x-ndjson</c>, any
/// <c>application/*+json</c> such as <c>application/vnd.elasticsearch+json;compatible-with=9</c>) is
/// read; YAML, CBOR and Smile, which Elasticsearch also reads, are refused like any other type, since
/// the store parses JSON only.
/// </summary>
internal static class RequestContentType
{
    /// <summary>Null when a body of <paramref name="contentType"/> is accepted; otherwise Elasticsearch's answer.</summary>
    public static RestResponse? Refusal(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return NotAcceptable("Content-Type header is missing");
        }

        var parts = contentType.Split(';');
        var mediaType = parts[0].Trim().ToLowerInvariant();
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == mediaType.Length - 1 || mediaType.AsSpan().IndexOfAny(" \t,") >= 0)
        {
            return ErrorRenderer.Render(new StoreException(400, "media_type_header_exception", "Invalid media-type value on headers [Content-Type]"));
        }

        if (!IsJson(mediaType))
        {
            return NotAcceptable("Content-Type header [" + contentType + "] is not supported");
        }

        foreach (var parameter in parts.Skip(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && parameter[..equals].Trim().Equals("compatible-with", StringComparison.OrdinalIgnoreCase))
            {
                var version = parameter[(equals + 1)..].Trim().Trim('"');
                if (version is not ("8" or "9"))
                {
                    return ErrorRenderer.Render(new StoreException(400, "status_exception",
                        "Content-Type version must be either version 9 or 8, but found " + version + ". Content-Type=" + contentType));
                }
            }
        }

        return null;
    }

    private static bool IsJson(string mediaType) =>
        mediaType is "application/json" or "application/x-ndjson" or "application/vnd.elasticsearch+x-ndjson"
        || (mediaType.StartsWith("application/", StringComparison.Ordinal) && mediaType.EndsWith("+json", StringComparison.Ordinal));

    // Elasticsearch answers this one with a bare string as "error", not the usual error object.
    private static RestResponse NotAcceptable(string reason) =>
        RestResponse.Json(406, new JsonObject { ["error"] = reason, ["status"] = 406 });
}
