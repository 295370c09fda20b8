using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// Elasticsearch 9.2's <c>index.mapping.exclude_source_vectors</c>: <c>dense_vector</c> values are left out of the
/// <c>_source</c> that search, get and mget return, unless the request asks for them (<c>_source: {"exclude_vectors":
/// false}</c> in a search body, <c>?_source_exclude_vectors=false</c> on the URL of get, mget and search). The setting
/// defaults to true for indices created by this version and false for older ones (their <c>index.version.created</c>),
/// as in Elasticsearch.
/// </summary>
internal static class SourceVectors
{
    public const string Setting = "index.mapping.exclude_source_vectors";

    /// <summary>The first index version (9.2.0's) whose indices exclude vectors by default.</summary>
    public const int FirstExcludingIndexVersion = 9_039_000;

    public static bool ExcludedByDefault(IReadOnlyDictionary<string, string> settings)
    {
        if (settings.TryGetValue(Setting, out var value))
        {
            return value == "true";
        }

        return settings.TryGetValue("index.version.created", out var created)
            && int.TryParse(created, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version)
            && version >= FirstExcludingIndexVersion;
    }

    public static void Validate(IReadOnlyDictionary<string, string> settings)
    {
        if (settings.TryGetValue(Setting, out var value) && value is not ("true" or "false"))
        {
            throw StoreException.IllegalArgument("Failed to parse value [" + value + "] as only [true] or [false] are allowed.");
        }
    }

    /// <summary>Removes every dense_vector value from <paramref name="source"/> (in place); returns it.</summary>
    public static JsonObject Strip(JsonObject source, IndexMapping mapping)
    {
        Strip(source, string.Empty, mapping);
        return source;
    }

    private static void Strip(JsonObject obj, string prefix, IndexMapping mapping)
    {
        List<string>? vectors = null;
        foreach (var (key, value) in obj)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (mapping.Find(path) is { Kind: FieldKind.DenseVector })
            {
                (vectors ??= []).Add(key);
                continue;
            }

            switch (value)
            {
                case JsonObject child:
                    Strip(child, path, mapping);
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (item is JsonObject element)
                        {
                            Strip(element, path, mapping);
                        }
                    }

                    break;
            }
        }

        foreach (var key in vectors ?? [])
        {
            obj.Remove(key);
        }
    }
}
