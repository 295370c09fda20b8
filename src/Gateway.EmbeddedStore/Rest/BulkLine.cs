using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Rest;

/// <summary>One parsed bulk action/metadata line.</summary>
internal sealed record BulkLine(string Action, string? Index, string? Id, JsonObject Metadata)
{
    private static readonly HashSet<string> Known =
    [
        "_index", "_id", "routing", "version", "version_type", "if_seq_no", "if_primary_term", "op_type", "pipeline",
        "require_alias", "retry_on_conflict", "_source", "dynamic_templates", "list_executed_pipelines", "require_data_stream",
    ];

    /// <summary>Parses an action line; a malformed one fails the whole request, like Elasticsearch.</summary>
    public static BulkLine Parse(ReadOnlySpan<byte> line, int lineNumber)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line, documentOptions: JsonSyntax.Strict);
        }
        catch (JsonException) when (JsonSyntax.FirstDuplicateKey(line) is var (duplicate, _, _))
        {
            throw StoreException.IllegalArgument("Malformed action/metadata line [" + lineNumber + "], Duplicate field '" + duplicate + "'");
        }
        catch (JsonException e)
        {
            throw StoreException.IllegalArgument("Malformed action/metadata line [" + lineNumber + "], " + e.Message);
        }

        if (node is not JsonObject action)
        {
            throw StoreException.IllegalArgument("Malformed action/metadata line [" + lineNumber + "], expected START_OBJECT or END_OBJECT but found [" + Token(node) + "]");
        }

        if (action.Count == 0)
        {
            throw StoreException.IllegalArgument("Malformed action/metadata line [" + lineNumber + "], expected FIELD_NAME but found [END_OBJECT]");
        }

        var (name, value) = action.First();
        if (name is not ("index" or "create" or "update" or "delete"))
        {
            throw StoreException.IllegalArgument("Malformed action/metadata line [" + lineNumber + "], expected field [create], [delete], [index] or [update] but found [" + name + "]");
        }

        if (value is not JsonObject metadata)
        {
            throw StoreException.IllegalArgument("Malformed action/metadata line [" + lineNumber + "], expected START_OBJECT but found [" + Token(value) + "]");
        }

        foreach (var key in metadata.Select(p => p.Key))
        {
            if (!Known.Contains(key))
            {
                throw StoreException.IllegalArgument("Action/metadata line [" + lineNumber + "] contains an unknown parameter [" + key + "]");
            }
        }

        return new BulkLine(name, Text(metadata["_index"]), Text(metadata["_id"]), metadata);
    }

    public long? Long(string key) => Metadata[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when long.TryParse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var l) => l,
        _ => throw StoreException.IllegalArgument("[" + key + "] must be a number"),
    };

    public bool Flag(string key, bool fallback) => Metadata[key]?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => Metadata[key]!.GetValue<string>() == "true",
        _ => fallback,
    };

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static string Token(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Array => "START_ARRAY",
        JsonValueKind.String => "VALUE_STRING",
        JsonValueKind.Number => "VALUE_NUMBER",
        JsonValueKind.True or JsonValueKind.False => "VALUE_BOOLEAN",
        _ => "VALUE_NULL",
    };
}
