using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>Request body parsing with Elasticsearch's errors.</summary>
internal static class RestJson
{
    /// <summary>The body as a JSON object, or null when there is no body.</summary>
    public static JsonObject? OptionalObject(RestRequest request) =>
        request.HasBody ? ParseObject(request.Body) : null;

    public static JsonObject RequiredObject(RestRequest request) =>
        request.HasBody ? ParseObject(request.Body) : throw StoreException.BadRequest("parse_exception", "request body is required");

    public static JsonObject ParseObject(ReadOnlyMemory<byte> json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json.Span, documentOptions: JsonSyntax.Strict);
        }
        catch (JsonException) when (JsonSyntax.FirstDuplicateKey(json.Span) is var (name, line, column))
        {
            throw StoreException.BadRequest("x_content_parse_exception", "[" + line + ":" + column + "] Duplicate field '" + name + "'");
        }
        catch (JsonException e)
        {
            throw StoreException.BadRequest("x_content_parse_exception", "[" + Line(e) + ":" + Column(e) + "] " + e.Message);
        }

        return node as JsonObject ?? throw StoreException.BadRequest("parse_exception", "request body or source parameter is required");
    }

    private static long Line(JsonException e) => (e.LineNumber ?? 0) + 1;

    private static long Column(JsonException e) => (e.BytePositionInLine ?? 0) + 1;
}
