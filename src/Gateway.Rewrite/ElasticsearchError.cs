using System.Text.Json;

namespace Gateway.Rewrite;

/// <summary>Renders Elasticsearch-shaped error bodies so every ES client surfaces them.</summary>
public static class ElasticsearchError
{
    /// <summary><c>{"error":{"root_cause":[{"type","reason"}],"type","reason"},"status":N}</c> as UTF-8.</summary>
    public static byte[] ToJson(int status, string type, string reason)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteStartArray("root_cause");
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("reason", reason);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("type", type);
            writer.WriteString("reason", reason);
            writer.WriteEndObject();
            writer.WriteNumber("status", status);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Renders a <see cref="RewriteError"/>.</summary>
    public static byte[] ToJson(RewriteError error) => ToJson(error.Status, error.Type, error.Reason);
}
