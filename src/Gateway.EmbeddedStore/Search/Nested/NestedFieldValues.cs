using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Nested;

/// <summary>
/// The field values of one nested object, parsed against the index mapping under its full path: what the object's
/// hidden document holds (deeper nested objects keep theirs, unless they copy them up with <c>include_in_parent</c>).
/// The root document was validated when it was indexed, so the object's values convert.
/// </summary>
internal static class NestedFieldValues
{
    public static Dictionary<string, FieldValues> Of(string id, JsonObject obj, string path, IndexMapping mapping)
    {
        using var json = JsonDocument.Parse(obj.ToJsonString());
        var values = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        WalkObject(json.RootElement, path + ".", mapping, values);
        foreach (var key in values.Keys.ToList())
        {
            if (!NestedPaths.BelongsTo(mapping, key, path))
            {
                values.Remove(key);
            }
        }

        return FieldValueConverter.Convert(id, values, mapping);
    }

    private static void WalkObject(JsonElement element, string prefix, IndexMapping mapping, Dictionary<string, List<JsonElement>> values)
    {
        foreach (var property in element.EnumerateObject())
        {
            Walk(property.Value, prefix + property.Name, mapping, values);
        }
    }

    private static void Walk(JsonElement value, string path, IndexMapping mapping, Dictionary<string, List<JsonElement>> values)
    {
        var field = mapping.Find(path);
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return;
            case JsonValueKind.Object when field is null or { Kind: FieldKind.Object }:
                WalkObject(value, path + ".", mapping, values);
                return;
            case JsonValueKind.Array when field is { Kind: FieldKind.DenseVector }
                || (field is { Kind: FieldKind.GeoPoint } && value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.Number):
                Add(values, path, value);
                return;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, path, mapping, values);
                }

                return;
            default:
                if (field is not null)
                {
                    Add(values, path, value);
                }

                return;
        }
    }

    private static void Add(Dictionary<string, List<JsonElement>> values, string path, JsonElement value)
    {
        if (!values.TryGetValue(path, out var list))
        {
            list = [];
            values[path] = list;
        }

        list.Add(value);
    }
}
