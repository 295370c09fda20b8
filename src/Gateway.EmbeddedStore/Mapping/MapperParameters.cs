using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// The parameters each field type takes, as Elasticsearch 9's mapper builders declare them. A parameter a type does
/// not know is ES's <c>mapper_parsing_exception</c> <c>unknown parameter [x] on mapper [f] of type [t]</c>; an object
/// or nested field answers <c>Mapping definition for [f] has unsupported parameters:  [x : value]</c>. Every field
/// mapper also takes <c>type</c>, <c>meta</c>, <c>fields</c> (multi-fields) and <c>copy_to</c>.
/// </summary>
internal static class MapperParameters
{
    private static readonly string[] Common = ["type", "meta", "fields", "copy_to"];
    private static readonly string[] Scripted = ["script", "on_script_error"];
    private static readonly string[] Numeric = ["index", "doc_values", "store", "null_value", "coerce", "ignore_malformed", "time_series_dimension", "time_series_metric", .. Scripted];

    private static readonly FrozenDictionary<string, FrozenSet<string>> ByType = new Dictionary<string, string[]>
    {
        ["keyword"] =
        [
            "index", "doc_values", "store", "null_value", "ignore_above", "normalizer", "eager_global_ordinals", "index_options", "norms",
            "similarity", "split_queries_on_whitespace", "time_series_dimension", .. Scripted,
        ],
        ["text"] =
        [
            "index", "store", "analyzer", "search_analyzer", "search_quote_analyzer", "index_options", "norms", "term_vector",
            "position_increment_gap", "fielddata", "fielddata_frequency_filter", "eager_global_ordinals", "index_prefixes", "index_phrases", "similarity",
        ],
        ["long"] = Numeric,
        ["integer"] = Numeric,
        ["short"] = Numeric,
        ["byte"] = Numeric,
        ["double"] = Numeric,
        ["float"] = Numeric,
        ["half_float"] = Numeric,
        ["scaled_float"] = ["scaling_factor", .. Numeric],
        ["date"] = ["index", "doc_values", "store", "format", "locale", "null_value", "ignore_malformed", .. Scripted],
        ["date_nanos"] = ["index", "doc_values", "store", "format", "locale", "null_value", "ignore_malformed", .. Scripted],
        ["boolean"] = ["index", "doc_values", "store", "null_value", "ignore_malformed", "time_series_dimension", .. Scripted],
        ["ip"] = ["index", "doc_values", "store", "null_value", "ignore_malformed", "time_series_dimension", .. Scripted],
        ["binary"] = ["doc_values", "store"],
        ["geo_point"] = ["index", "doc_values", "store", "null_value", "ignore_malformed", "ignore_z_value", "time_series_metric", .. Scripted],
        ["flattened"] =
        [
            "depth_limit", "doc_values", "eager_global_ordinals", "ignore_above", "index", "index_options", "null_value", "similarity",
            "split_queries_on_whitespace", "time_series_dimensions",
        ],
        ["token_count"] = ["analyzer", "enable_position_increments", "index", "doc_values", "store", "null_value"],
    }.ToFrozenDictionary(p => p.Key, p => p.Value.Concat(Common).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly FrozenSet<string> ObjectParameters = new[] { "type", "properties", "dynamic", "enabled", "subobjects" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> NestedParameters = new[] { "type", "properties", "dynamic", "enabled", "include_in_parent", "include_in_root" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Refuses a parameter that a field of <paramref name="type"/> does not take (dense_vector checks its own).</summary>
    public static void Check(string name, string type, JsonObject definition)
    {
        if (!ByType.TryGetValue(type, out var allowed))
        {
            return;
        }

        foreach (var (key, _) in definition)
        {
            if (!allowed.Contains(key))
            {
                throw MappingErrors.MapperParsing("unknown parameter [" + key + "] on mapper [" + name + "] of type [" + type + "]");
            }
        }
    }

    /// <summary>Refuses what an object or nested field does not take, in Elasticsearch's words.</summary>
    public static void CheckObject(string name, bool nested, JsonObject definition)
    {
        var allowed = nested ? NestedParameters : ObjectParameters;
        var unknown = definition.Where(p => !allowed.Contains(p.Key)).ToList();
        if (unknown.Count > 0)
        {
            throw MappingErrors.MapperParsing("Mapping definition for [" + name + "] has unsupported parameters: "
                + string.Concat(unknown.Select(p => " [" + p.Key + " : " + JavaText(p.Value) + "]")));
        }
    }

    // The value as Java's toString shows it in ES's message (strings bare, objects as {k=v}).
    private static string JavaText(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(", ", o.Select(p => p.Key + "=" + JavaText(p.Value))) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(JavaText)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
