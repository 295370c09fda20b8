using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Indices;

/// <summary>Parses alias definitions (index creation bodies and <c>_aliases</c> add actions).</summary>
internal static class AliasParser
{
    public static AliasMetadata Parse(string name, JsonObject? body)
    {
        if (body is null)
        {
            return new AliasMetadata(name, null, null, null, null, null);
        }

        JsonObject? filter = null;
        bool? isWrite = null, isHidden = null;
        string? routing = null, indexRouting = null, searchRouting = null;
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "filter":
                    filter = value as JsonObject ?? throw StoreException.IllegalArgument("failed to parse filter for alias [" + name + "]");
                    break;
                case "is_write_index":
                    isWrite = Bool(value, key, name);
                    break;
                case "is_hidden":
                    isHidden = Bool(value, key, name);
                    break;
                case "routing":
                    routing = Text(value, key, name);
                    break;
                case "index_routing":
                    indexRouting = Text(value, key, name);
                    break;
                case "search_routing":
                    searchRouting = Text(value, key, name);
                    break;
                default:
                    throw StoreException.IllegalArgument("Unsupported field [" + key + "]");
            }
        }

        // As Elasticsearch's AliasActions: routing is the default of both, index_routing and search_routing win whatever the order.
        return new AliasMetadata(name, filter, isWrite, indexRouting ?? routing, searchRouting ?? routing, isHidden);
    }

    private static bool? Bool(JsonNode? value, string key, string alias) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        var kind => throw StoreException.IllegalArgument(
            "Unsupported " + KindName(kind.Value) + " type value [" + Raw(value!) + "] for field [" + key + "] in alias [" + alias + "]"),
    };

    private static string? Text(JsonNode? value, string key, string alias) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        var kind => throw StoreException.IllegalArgument(
            "Unsupported " + KindName(kind.Value) + " type value [" + Raw(value!) + "] for field [" + key + "] in alias [" + alias + "]"),
    };

    private static string Raw(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "String",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "Number",
        JsonValueKind.Object => "Object",
        _ => "Array",
    };
}
