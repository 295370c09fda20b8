using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>A REST answer: status and an optional JSON body.</summary>
internal sealed class RestResponse
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = true };

    public RestResponse(int status, byte[]? body)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; }

    public byte[]? Body { get; }

    /// <summary>Overrides the JSON content type (e.g. <c>text/plain</c> for <c>_cat</c>).</summary>
    public string? ContentType { get; init; }

    public Dictionary<string, string>? Headers { get; init; }

    public static RestResponse Json(int status, JsonNode node) => new(status, Serialize(node));

    public static RestResponse Ok(JsonNode node) => Json(200, node);

    public static RestResponse Empty(int status) => new(status, null);

    public static RestResponse Acknowledged() => Ok(new JsonObject { ["acknowledged"] = true });

    public static byte[] Serialize(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
