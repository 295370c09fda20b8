using System.Text.Json.Nodes;

namespace Gateway.Conformance.Tests.Runner;

/// <summary>A response as the assertions see it: status, raw text, parsed JSON body and warning headers.</summary>
internal sealed record ApiResponse(
    string Method,
    int Status,
    string BodyText,
    JsonNode? Body,
    bool IsJson,
    IReadOnlyList<string> Warnings)
{
    public bool IsError => Status >= 400;

    /// <summary>The value of the empty path: the parsed body, or for a bodiless HEAD whether it answered 2xx.</summary>
    public JsonNode? Root => IsJson
        ? Body
        : Method == "HEAD" && BodyText.Length == 0 ? JsonValue.Create(!IsError) : JsonValue.Create(BodyText);
}
