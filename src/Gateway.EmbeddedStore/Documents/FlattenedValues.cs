using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>
/// Parses the objects of a <c>flattened</c> field as Elasticsearch's <c>FlattenedFieldParser</c> does: every leaf
/// value (numbers and booleans as their text) becomes a keyword of the field itself and of its keyed sub-field (the
/// dotted path of keys: <c>labels.release</c>); nulls are skipped (or replaced by <c>null_value</c>), values longer
/// than <c>ignore_above</c> are not indexed, and objects nested deeper than <c>depth_limit</c> (20) fail the document.
/// </summary>
internal static class FlattenedValues
{
    private const int DefaultDepthLimit = 20;

    /// <summary>Adds the root field's and the keyed sub-fields' values to <paramref name="result"/>.</summary>
    public static void Convert(string id, FieldMapping field, List<JsonElement> raw, Dictionary<string, FieldValues> result)
    {
        var depthLimit = field.Definition["depth_limit"]?.GetValue<int>() ?? DefaultDepthLimit;
        var nullValue = field.Definition["null_value"]?.ToString();
        var root = new List<string>();
        var keyed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var value in raw)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw DocumentErrors.FieldParse(field.Path, "flattened", id, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(),
                    "Failed to parse object: expecting token of type [START_OBJECT] but found [" + Token(value) + "]", "parsing_exception");
            }

            Walk(value, string.Empty, 0);
        }

        if (root.Count == 0)
        {
            return;
        }

        result[field.Path] = new FieldValues { Mapping = field, Keywords = root };
        foreach (var (key, values) in keyed)
        {
            var path = field.Path + "." + key;
            result[path] = new FieldValues { Mapping = FlattenedKeys.For(field, path), Keywords = values };
        }

        void Walk(JsonElement obj, string prefix, int depth)
        {
            foreach (var property in obj.EnumerateObject())
            {
                Leaf(property.Value, prefix + property.Name, depth);
            }
        }

        void Leaf(JsonElement value, string key, int depth)
        {
            if (key.Contains('\0', StringComparison.Ordinal))
            {
                throw DocumentErrors.Document("Keys in [flattened] fields cannot contain the reserved character \\0. Offending key: [" + key + "].");
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    if (depth + 2 > depthLimit)
                    {
                        throw DocumentErrors.Document("The provided [flattened] field [" + field.Path + "] exceeds the maximum depth limit of [" + depthLimit + "].");
                    }

                    Walk(value, key + ".", depth + 1);
                    return;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        Leaf(item, key, depth);
                    }

                    return;
                case JsonValueKind.Null:
                    if (nullValue is not null)
                    {
                        Add(key, nullValue);
                    }

                    return;
                default:
                    Add(key, value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString()!,
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => value.GetRawText(),
                    });
                    return;
            }
        }

        void Add(string key, string text)
        {
            if (field.IgnoreAbove is { } limit && text.Length > limit)
            {
                return;
            }

            root.Add(text);
            if (!keyed.TryGetValue(key, out var list))
            {
                list = [];
                keyed[key] = list;
            }

            list.Add(text);
        }
    }

    /// <summary>
    /// A flattened value as the <c>fields</c> option returns it: the object given, without the leaf values longer than
    /// <paramref name="ignoreAbove"/> (an array left with one value becomes that value); null when nothing is left.
    /// </summary>
    public static JsonNode? Fetchable(JsonNode? node, int? ignoreAbove)
    {
        switch (node)
        {
            case JsonObject obj:
                var kept = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    // Nulls stay as given; only values over ignore_above are left out.
                    if (value is null)
                    {
                        kept[key] = null;
                    }
                    else if (Fetchable(value, ignoreAbove) is { } child)
                    {
                        kept[key] = child;
                    }
                }

                return kept.Count > 0 ? kept : null;
            case JsonArray array:
                var items = array.Select(i => Fetchable(i, ignoreAbove)).OfType<JsonNode>().ToList();
                return items.Count switch
                {
                    0 => null,
                    1 when items.Count < array.Count => items[0],
                    _ => new JsonArray([.. items]),
                };
            case null:
                return null;
            default:
                return ignoreAbove is { } limit && node.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Length > limit ? null : node.DeepClone();
        }
    }

    private static string Token(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "VALUE_STRING",
        JsonValueKind.Number => "VALUE_NUMBER",
        JsonValueKind.True or JsonValueKind.False => "VALUE_BOOLEAN",
        JsonValueKind.Array => "START_ARRAY",
        _ => "VALUE_NULL",
    };
}
