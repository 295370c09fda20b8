using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// Merges a PUT _mapping body into an existing mapping with Elasticsearch's rules: new fields are
/// added, objects merge recursively, multi-fields are added, a type change is rejected.
/// </summary>
internal static class MappingMerger
{
    private static readonly HashSet<string> Frozen = ["dims", "format", "similarity", "analyzer", "element_type", "index"];

    public static JsonObject Merge(JsonObject existing, JsonObject incoming)
    {
        var result = (JsonObject)existing.DeepClone();
        foreach (var (key, value) in incoming)
        {
            if (key == "properties" && value is JsonObject props)
            {
                var target = result["properties"] as JsonObject ?? (JsonObject)(result["properties"] = new JsonObject());
                MergeProperties(target, props, "");
            }
            else
            {
                if (key == SourceField.Path)
                {
                    SourceField.CheckUpdate(result[key], value);
                }

                result[key] = value?.DeepClone();
            }
        }

        return result;
    }

    private static void MergeProperties(JsonObject target, JsonObject incoming, string prefix)
    {
        foreach (var (name, node) in incoming)
        {
            var path = prefix + name;
            var definition = (JsonObject)node!;
            if (target[name] is not JsonObject current)
            {
                target[name] = definition.DeepClone();
                continue;
            }

            var currentType = current["type"]?.GetValue<string>();
            var newType = definition["type"]?.GetValue<string>();
            if (currentType is null != newType is null)
            {
                throw StoreException.IllegalArgument("can't merge a non object mapping [" + path + "] with an object mapping");
            }

            if (currentType is not null && currentType != newType)
            {
                throw StoreException.IllegalArgument("mapper [" + path + "] cannot be changed from type [" + currentType + "] to [" + newType + "]");
            }

            if (currentType == "dense_vector")
            {
                VectorMappingUpdate.Check(path, current, definition);
            }

            foreach (var (key, value) in definition)
            {
                if (key == "properties" && value is JsonObject nested)
                {
                    var nestedTarget = current["properties"] as JsonObject ?? (JsonObject)(current["properties"] = new JsonObject());
                    MergeProperties(nestedTarget, nested, path + ".");
                }
                else if (key == "fields" && value is JsonObject fields)
                {
                    var fieldsTarget = current["fields"] as JsonObject ?? (JsonObject)(current["fields"] = new JsonObject());
                    MergeProperties(fieldsTarget, fields, path + ".");
                }
                else if (Frozen.Contains(key) && current[key] is { } old && !JsonNode.DeepEquals(old, value))
                {
                    throw StoreException.IllegalArgument("Mapper for [" + path + "] conflicts with existing mapper:\n\tCannot update parameter [" + key + "] from [" + Text(old) + "] to [" + Text(value) + "]");
                }
                else
                {
                    current[key] = value?.DeepClone();
                }
            }
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "null";
}
