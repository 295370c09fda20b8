using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Indices.FieldCaps;

/// <summary>
/// Merges the indices' field capabilities into Elasticsearch's answer: per field, per type, searchable and aggregatable
/// when every index with that type says so; <c>indices</c> when the field has more than one type;
/// <c>non_searchable_indices</c>/<c>non_aggregatable_indices</c> when only some of them are; <c>meta</c> values merged;
/// with <c>include_unmapped</c>, the indices lacking a field listed under the type <c>unmapped</c>.
/// </summary>
internal static class FieldCapsMerger
{
    public static JsonObject Merge(IReadOnlyList<(string Index, Dictionary<string, IndexFieldCapability> Fields)> responses, bool includeUnmapped)
    {
        var byField = new SortedDictionary<string, SortedDictionary<string, List<(string Index, IndexFieldCapability Capability)>>>(StringComparer.Ordinal);
        foreach (var (index, fields) in responses.OrderBy(r => r.Index, StringComparer.Ordinal))
        {
            foreach (var (name, capability) in fields)
            {
                if (!byField.TryGetValue(name, out var types))
                {
                    types = new SortedDictionary<string, List<(string, IndexFieldCapability)>>(StringComparer.Ordinal);
                    byField[name] = types;
                }

                if (!types.TryGetValue(capability.Type, out var holders))
                {
                    holders = [];
                    types[capability.Type] = holders;
                }

                holders.Add((index, capability));
            }
        }

        var result = new JsonObject();
        foreach (var (name, types) in byField)
        {
            if (includeUnmapped)
            {
                var unmapped = responses.Where(r => !r.Fields.ContainsKey(name)).Select(r => r.Index).Order(StringComparer.Ordinal).ToList();
                if (unmapped.Count > 0)
                {
                    types["unmapped"] = unmapped.Select(i => (i, new IndexFieldCapability(name, "unmapped", false, false, false, new Dictionary<string, string>()))).ToList();
                }
            }

            var field = new JsonObject();
            foreach (var (type, holders) in types)
            {
                field[type] = Render(type, holders, withIndices: types.Count > 1);
            }

            result[name] = field;
        }

        return result;
    }

    private static JsonObject Render(string type, List<(string Index, IndexFieldCapability Capability)> holders, bool withIndices)
    {
        var searchable = holders.All(h => h.Capability.Searchable);
        var aggregatable = holders.All(h => h.Capability.Aggregatable);
        var json = new JsonObject
        {
            ["type"] = type,
            ["metadata_field"] = holders.Any(h => h.Capability.IsMetadata),
            ["searchable"] = searchable,
            ["aggregatable"] = aggregatable,
        };
        if (withIndices)
        {
            json["indices"] = Names(holders.Select(h => h.Index));
        }

        if (!searchable && holders.Any(h => h.Capability.Searchable))
        {
            json["non_searchable_indices"] = Names(holders.Where(h => !h.Capability.Searchable).Select(h => h.Index));
        }

        if (!aggregatable && holders.Any(h => h.Capability.Aggregatable))
        {
            json["non_aggregatable_indices"] = Names(holders.Where(h => !h.Capability.Aggregatable).Select(h => h.Index));
        }

        var meta = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in holders.SelectMany(h => h.Capability.Meta))
        {
            if (!meta.TryGetValue(key, out var values))
            {
                values = new SortedSet<string>(StringComparer.Ordinal);
                meta[key] = values;
            }

            values.Add(value);
        }

        if (meta.Count > 0)
        {
            var metaJson = new JsonObject();
            foreach (var (key, values) in meta)
            {
                metaJson[key] = Names(values);
            }

            json["meta"] = metaJson;
        }

        return json;
    }

    private static JsonArray Names(IEnumerable<string> names) => new(names.Select(n => (JsonNode)n).ToArray());
}
