using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// <c>stored_fields</c> on search hits and document GETs: the values of the requested fields whose mapping sets
/// <c>store: true</c>, taken from the document's source as Elasticsearch stores them; other fields are left out, as
/// Elasticsearch leaves them out (it has nothing stored for them).
/// </summary>
internal static class StoredFields
{
    /// <summary>The <c>fields</c> object for <paramref name="requested"/> patterns (empty when nothing is stored).</summary>
    public static JsonObject Render(IndexMapping mapping, JsonObject source, IReadOnlyCollection<string> requested)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(requested);
        var result = new JsonObject();
        foreach (var field in mapping.Fields.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (field.Definition["store"] is not JsonValue store || !store.ToString().Equals("true", StringComparison.OrdinalIgnoreCase)
                || !requested.Any(r => Wildcard.Matches(r, field.Path)))
            {
                continue;
            }

            var values = new JsonArray();
            foreach (var value in Values(source, field.ParentPath ?? field.Path))
            {
                values.Add(value?.DeepClone());
            }

            if (values.Count > 0)
            {
                result[field.Path] = values;
            }
        }

        return result;
    }

    /// <summary>The values at <paramref name="path"/> of a source (arrays flattened, dotted paths followed).</summary>
    public static IEnumerable<JsonNode?> Values(JsonNode? node, string path)
    {
        if (node is JsonArray array)
        {
            return array.SelectMany(item => Values(item, path));
        }

        if (path.Length == 0)
        {
            return node is null ? [] : [node];
        }

        if (node is not JsonObject obj)
        {
            return [];
        }

        if (obj.TryGetPropertyValue(path, out var direct))
        {
            return Values(direct, string.Empty);
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && obj[path[..dot]] is { } child ? Values(child, path[(dot + 1)..]) : [];
    }
}
