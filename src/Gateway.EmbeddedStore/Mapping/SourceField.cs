using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// The <c>_source</c> metadata field's mapping: <c>enabled</c> (default true), <c>includes</c> and <c>excludes</c>.
/// Elasticsearch stores only the filtered source (none when disabled); the store keeps the document as sent (its
/// translog replays it through the parser) and hands out only what ES would have stored: get, mget, <c>_source</c>,
/// hits, update, update by query and reindex all see <see cref="Stored(JsonObject)"/>.
/// </summary>
internal sealed record SourceField(bool Enabled, IReadOnlyList<string> Includes, IReadOnlyList<string> Excludes)
{
    public const string Path = "_source";

    public static SourceField Default { get; } = new(true, [], []);

    /// <summary>Whether the stored source is the document as sent.</summary>
    public bool Whole => Enabled && Includes.Count == 0 && Excludes.Count == 0;

    /// <summary>The source Elasticsearch would have stored; null when <c>_source</c> is disabled.</summary>
    public JsonObject? Stored(JsonObject source) =>
        !Enabled ? null : Whole ? source : DocumentSourceFilter.Apply(source, Includes, Excludes);

    /// <summary>The stored source as UTF-8 JSON; null when disabled; the bytes themselves when nothing is filtered.</summary>
    public byte[]? Stored(byte[] source) =>
        !Enabled ? null : Whole ? source : JsonSerializer.SerializeToUtf8Bytes(Stored(JsonNode.Parse(source)!.AsObject()));

    /// <summary>Reads (and validates) the mapping root's <c>_source</c> entry.</summary>
    public static SourceField From(JsonNode? node)
    {
        if (node is null)
        {
            return Default;
        }

        if (node is not JsonObject definition)
        {
            throw MappingErrors.MapperParsing("Expected map for property [_source] on field [_source] but got a " + node.GetValueKind());
        }

        var enabled = true;
        List<string> includes = [], excludes = [];
        foreach (var (key, value) in definition)
        {
            switch (key)
            {
                case "enabled":
                    enabled = value?.GetValueKind() switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw MappingErrors.MapperParsing("Failed to parse mapping: failed to parse field [enabled] of type [boolean]"),
                    };
                    break;
                case "includes":
                    includes = Patterns(value, key);
                    break;
                case "excludes":
                    excludes = Patterns(value, key);
                    break;
                case "mode" when value?.ToString() == "disabled":
                    enabled = false;
                    break;
                case "mode" when value?.ToString() is "stored" or "synthetic":
                    // Synthetic source is served as the stored source (what the store has always done for these mappings).
                    break;
                case "mode":
                    throw MappingErrors.MapperParsing("Failed to parse mapping: unknown value [" + value?.ToString() + "] for [_source.mode], expected one of [disabled, stored, synthetic]");
                default:
                    throw MappingErrors.MapperParsing("unknown parameter [" + key + "] on metadata field [_source]");
            }
        }

        return new SourceField(enabled, includes, excludes);
    }

    /// <summary>Elasticsearch's merge rule: <c>enabled</c> cannot change once the index exists.</summary>
    public static void CheckUpdate(JsonNode? before, JsonNode? after)
    {
        var (old, updated) = (From(before), From(after));
        if (old.Enabled != updated.Enabled)
        {
            throw StoreException.IllegalArgument("Mapper for [_source] conflicts with existing mapper:\n\tCannot update parameter [enabled] from ["
                + (old.Enabled ? "true" : "false") + "] to [" + (updated.Enabled ? "true" : "false") + "]");
        }
    }

    /// <summary>Elasticsearch's answer to an update of a document whose source was not stored.</summary>
    public static StoreException Missing(string index, string id) =>
        new(400, "document_source_missing_exception", "[" + id + "]: document source missing", index);

    private static List<string> Patterns(JsonNode? value, string key) => value switch
    {
        JsonArray array => array.Select(a => a?.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : throw MappingErrors.MapperParsing("[_source." + key + "] must be an array of strings")).ToList(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        null => [],
        _ => throw MappingErrors.MapperParsing("[_source." + key + "] must be an array of strings"),
    };
}
