using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// <c>_source</c> filtering: on/off plus include and exclude patterns over dotted paths, with
/// <c>*</c> wildcards, following Elasticsearch's XContentMapValues.filter semantics.
/// </summary>
internal sealed class SourceFilter
{
    public static SourceFilter All { get; } = new(true, [], []);

    public SourceFilter(bool fetch, IReadOnlyList<string> includes, IReadOnlyList<string> excludes, bool? excludeVectors = null)
    {
        Fetch = fetch;
        Includes = includes;
        Excludes = excludes;
        ExcludeVectors = excludeVectors;
    }

    /// <summary><c>exclude_vectors</c>: null follows the index's <c>index.mapping.exclude_source_vectors</c>.</summary>
    public bool? ExcludeVectors { get; }

    public SourceFilter WithExcludeVectors(bool? excludeVectors) => new(Fetch, Includes, Excludes, excludeVectors);

    public bool Fetch { get; }

    public IReadOnlyList<string> Includes { get; }

    public IReadOnlyList<string> Excludes { get; }

    public JsonObject Apply(JsonObject source)
    {
        if (Includes.Count == 0 && Excludes.Count == 0)
        {
            return (JsonObject)source.DeepClone();
        }

        return FilterObject(source, string.Empty, Includes.Count == 0);
    }

    private JsonObject FilterObject(JsonObject obj, string prefix, bool included)
    {
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (Excludes.Any(p => Wildcard.Matches(p, path)))
            {
                continue;
            }

            var selfIncluded = included || Includes.Any(p => Wildcard.Matches(p, path));
            var filtered = FilterValue(value, path, selfIncluded);
            if (filtered.Keep)
            {
                result[key] = filtered.Node;
            }
        }

        return result;
    }

    private (bool Keep, JsonNode? Node) FilterValue(JsonNode? value, string path, bool included)
    {
        switch (value)
        {
            case JsonObject child:
                if (!included && !Includes.Any(p => CouldMatchBelow(p, path)))
                {
                    return (false, null);
                }

                var filtered = FilterObject(child, path, included);
                return (included || filtered.Count > 0, filtered);
            case JsonArray array:
                if (!included && !Includes.Any(p => CouldMatchBelow(p, path)))
                {
                    return (false, null);
                }

                var items = new JsonArray();
                foreach (var item in array)
                {
                    if (item is JsonObject itemObject)
                    {
                        var f = FilterObject(itemObject, path, included);
                        if (included || f.Count > 0)
                        {
                            items.Add(f);
                        }
                    }
                    else if (included)
                    {
                        items.Add(item?.DeepClone());
                    }
                }

                return (included || items.Count > 0, items);
            default:
                return (included, value?.DeepClone());
        }
    }

    private static bool CouldMatchBelow(string pattern, string path)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        var literal = star < 0 ? pattern : pattern[..star];
        var prefix = path + ".";
        return literal.StartsWith(prefix, StringComparison.Ordinal) || (star >= 0 && prefix.StartsWith(literal, StringComparison.Ordinal));
    }
}
