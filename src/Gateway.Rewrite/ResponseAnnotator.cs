using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Rewrite;

/// <summary>
/// Adds the <c>_gateway</c> object to the responses of rewritten searches. A <c>_search</c> response is
/// kept byte for byte with the object appended before its closing brace; in an <c>_msearch</c>
/// response each rewritten search's entry of <c>responses</c> gets its own object.
/// </summary>
public static class ResponseAnnotator
{
    /// <summary>Annotates a <c>_search</c> response body; returns it unchanged when it is not a JSON object.</summary>
    public static byte[] AnnotateSearch(ReadOnlySpan<byte> response, GatewayAnnotation annotation)
    {
        var end = response.TrimEnd(" \t\r\n"u8);
        var start = response.TrimStart(" \t\r\n"u8);
        if (end.IsEmpty || start.IsEmpty || end[^1] != (byte)'}' || start[0] != (byte)'{')
        {
            return response.ToArray();
        }

        var inner = end[..^1].TrimEnd(" \t\r\n"u8);
        var empty = inner[^1] == (byte)'{';
        var buffer = new ArrayBufferWriter<byte>(response.Length + 1024);
        buffer.Write(inner);
        buffer.Write(empty ? "\"_gateway\":"u8 : ",\"_gateway\":"u8);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, annotation);
        }

        buffer.Write("}"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Annotates each entry of an <c>_msearch</c> response's <c>responses</c> array.</summary>
    public static byte[] AnnotateMultiSearch(ReadOnlySpan<byte> response, IReadOnlyList<GatewayAnnotation?> annotations)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(response) as JsonObject;
        }
        catch (JsonException)
        {
            return response.ToArray();
        }

        if (root?["responses"] is not JsonArray responses)
        {
            return response.ToArray();
        }

        for (var i = 0; i < responses.Count && i < annotations.Count; i++)
        {
            if (annotations[i] is { } annotation && responses[i] is JsonObject item)
            {
                item["_gateway"] = ToNode(annotation);
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    /// <summary>The <c>_gateway</c> object as a JSON node.</summary>
    public static JsonNode ToNode(GatewayAnnotation annotation)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, annotation);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!;
    }

    private static void Write(Utf8JsonWriter writer, GatewayAnnotation annotation)
    {
        writer.WriteStartObject();
        writer.WriteNumber("embedding_ms", Math.Round(annotation.Queries.Sum(q => q.EmbeddingMilliseconds), 2));
        if (annotation.Queries.FirstOrDefault(q => q.IdentifiedPeaks.Count > 0) is { } image)
        {
            writer.WritePropertyName("identified_peaks");
            WritePeaks(writer, image.IdentifiedPeaks);
        }

        if (annotation.Queries.FirstOrDefault(q => q.Identification is not null)?.Identification is { } identification)
        {
            writer.WritePropertyName("identification");
            IdentificationJson.ToNode(identification, withPeaks: false).WriteTo(writer);
        }

        writer.WriteStartArray("queries");
        foreach (var query in annotation.Queries)
        {
            writer.WriteStartObject();
            writer.WriteString("source", query.Source);
            if (query.Peak is not null)
            {
                writer.WriteString("peak", query.Peak);
            }

            if (query.MatchedName is not null)
            {
                writer.WriteString("matched_name", query.MatchedName);
            }

            if (query.PeakWeight is { } weight)
            {
                writer.WriteNumber("peak_weight", weight);
            }

            writer.WriteNumber("embedding_ms", Math.Round(query.EmbeddingMilliseconds, 2));
            if (query.IdentifiedPeaks.Count > 0)
            {
                writer.WritePropertyName("identified_peaks");
                WritePeaks(writer, query.IdentifiedPeaks);
            }

            if (query.Identification is { } queryIdentification)
            {
                writer.WritePropertyName("identification");
                IdentificationJson.ToNode(queryIdentification, withPeaks: false).WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePeaks(Utf8JsonWriter writer, IReadOnlyList<IdentifiedPeak> peaks) => IdentificationJson.Peaks(peaks).WriteTo(writer);
}
