using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Gateway.Conformance.Tests.Assertions;

/// <summary>
/// Dotted paths into a response (<c>hits.hits.0._source.title</c>): object keys, numeric array indices,
/// <c>\.</c> for a dot inside a key, and <c>_arbitrary_key_</c> for any key of an object.
/// </summary>
internal static class ObjectPath
{
    public const string ArbitraryKey = "_arbitrary_key_";

    public static List<string> Split(string path)
    {
        var parts = new List<string>();
        if (path.Length == 0)
        {
            return parts;
        }

        var current = new StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '\\' && i + 1 < path.Length && path[i + 1] == '.')
            {
                current.Append('.');
                i++;
            }
            else if (c == '.')
            {
                // Like Elasticsearch's ObjectPath.parsePath: empty segments (".index.mappings") are skipped.
                if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    /// <summary>Follows <paramref name="parts"/> from <paramref name="root"/>; null when a level is missing.</summary>
    public static JsonNode? Evaluate(JsonNode? root, IEnumerable<string> parts)
    {
        var current = root;
        foreach (var part in parts)
        {
            current = current switch
            {
                JsonObject obj when part == ArbitraryKey => obj.Count > 0 ? JsonValue.Create(obj.First().Key) : null,
                JsonObject obj => obj.TryGetPropertyValue(part, out var child) ? child : null,
                JsonArray array when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) =>
                    index < array.Count ? array[index] : null,
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
