using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Gateway.Rewrite;

/// <summary>
/// Parses a caller's JSON as Elasticsearch does: invalid UTF-8 and duplicate keys are refused up front. (A lazily
/// parsed <see cref="JsonObject"/> would otherwise throw an <see cref="ArgumentException"/> on the duplicate, or
/// an <see cref="InvalidOperationException"/> on the bad string, wherever the field happens to be read.)
/// </summary>
public static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    /// <summary>The body as a JSON object; a <see cref="RewriteException"/> (400 <c>parsing_exception</c>) naming <paramref name="what"/> otherwise.</summary>
    public static JsonObject ParseObject(ReadOnlySpan<byte> json, string what)
    {
        if (!Utf8.IsValid(json))
        {
            throw new RewriteException(400, "parsing_exception", $"the {what} is not valid UTF-8");
        }

        try
        {
            RefuseBadEscapes(json);
            return JsonNode.Parse(json, documentOptions: Options) as JsonObject
                ?? throw new RewriteException(400, "parsing_exception", $"the {what} must be a JSON object");
        }
        catch (InvalidOperationException e)
        {
            throw new RewriteException(400, "parsing_exception", $"failed to parse the {what}: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new RewriteException(400, "parsing_exception", $"failed to parse the {what}: {e.Message}");
        }
    }

    // An escaped lone surrogate ("\ud800") passes the parser and throws only when the string is read, wherever
    // that is; unescaping every escaped string once here (unescaped ones need nothing) refuses it up front.
    private static void RefuseBadEscapes(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, default(JsonReaderOptions));
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                _ = reader.GetString();
            }
        }
    }
}
