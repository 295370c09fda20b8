using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// The <c>_routing</c> metadata field: the custom routing value a document was indexed with. It is a keyword field
/// searches can query (<c>term</c>, <c>terms</c>, <c>exists</c>, ...); get, mget and hits show it. The mapping's
/// <c>_routing: {"required": true}</c> makes every index, get, delete and update without a routing fail with
/// <c>routing_missing_exception</c>.
/// </summary>
internal static class RoutingField
{
    public const string Path = "_routing";

    public static FieldMapping Mapping { get; } = new()
    {
        Path = Path,
        Kind = FieldKind.Keyword,
        Definition = new JsonObject { ["type"] = "keyword" },
    };

    /// <summary>Whether the mapping requires a routing value.</summary>
    public static bool Required(MappingState mapping) =>
        mapping.Root[Path] is JsonObject routing && routing["required"]?.GetValueKind() == JsonValueKind.True;

    /// <summary>Validates the <c>_routing</c> entry of a mapping root (<c>required</c>, a boolean, is its only parameter).</summary>
    public static void Validate(JsonNode? node)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonObject routing)
        {
            throw MappingErrors.MapperParsing("Expected map for property [_routing] on field [_routing] but got a " + node.GetValueKind());
        }

        foreach (var (key, value) in routing)
        {
            if (key != "required")
            {
                throw MappingErrors.MapperParsing("unknown parameter [" + key + "] on metadata field [_routing]");
            }

            if (value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw MappingErrors.MapperParsing("Failed to parse mapping: failed to parse field [required] of type [boolean]");
            }
        }
    }

    /// <summary>Elasticsearch's answer to a write or get without routing on an index that requires one.</summary>
    public static StoreException Missing(string index, string id) =>
        new(400, "routing_missing_exception", "routing is required for [" + index + "]/[" + id + "]", index);
}
