using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Indices;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>
/// Elasticsearch's <c>_source</c> filtering: include and exclude patterns on dotted paths, with
/// <c>*</c> wildcards; an include of an object includes everything under it.
/// </summary>
internal static class DocumentSourceFilter
{
    public static JsonObject Apply(JsonObject source, IReadOnlyList<string> includes, IReadOnlyList<string> excludes) =>
        Filter(source, "", includes, excludes);

    private static JsonObject Filter(JsonObject node, string prefix, IReadOnlyList<string> includes, IReadOnlyList<string> excludes)
    {
        var result = new JsonObject();
        foreach (var (key, value) in node)
        {
            var path = prefix + key;
            if (excludes.Any(p => IndexNames.Matches(p, path)))
            {
                continue;
            }

            var included = includes.Count == 0 || includes.Any(p => IndexNames.Matches(p, path) || IndexNames.Matches(p + ".*", path) || PrefixOf(p, path));
            if (!included)
            {
                continue;
            }

            if (value is JsonObject child)
            {
                var fullyIncluded = includes.Count == 0 || includes.Any(p => IndexNames.Matches(p, path) || IndexNames.Matches(p, path + "."));
                var filtered = Filter(child, path + ".", fullyIncluded ? [] : includes, excludes);
                if (filtered.Count > 0 || fullyIncluded)
                {
                    result[key] = filtered;
                }
            }
            else if (value is JsonArray array && array.Any(a => a is JsonObject))
            {
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(item is JsonObject o ? Filter(o, path + ".", includes.Any(p => IndexNames.Matches(p, path)) ? [] : includes, excludes) : item?.DeepClone());
                }

                result[key] = items;
            }
            else if (includes.Count == 0 || includes.Any(p => IndexNames.Matches(p, path) || IndexNames.Matches(p + ".*", path)))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }

    // "a.b" may include "a" partially: descend into "a" looking for "b".
    private static bool PrefixOf(string pattern, string path) =>
        pattern.StartsWith(path + ".", StringComparison.Ordinal) || (pattern.Contains('*', StringComparison.Ordinal) && IndexNames.Matches(pattern[..(pattern.IndexOf('*', StringComparison.Ordinal) + 1)], path + "."));
}
