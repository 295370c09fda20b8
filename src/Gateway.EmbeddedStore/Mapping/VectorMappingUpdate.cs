using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>
/// Elasticsearch's merge rules for a dense_vector mapping update: dims can only be set once (not removed), the
/// element type cannot change, and index_options can only move to a type whose index can be built from the
/// existing one (a quantized index cannot go back to raw HNSW; HNSW's <c>m</c> cannot shrink).
/// </summary>
internal static class VectorMappingUpdate
{
    private static readonly Dictionary<string, string[]> UpdatableTo = new(StringComparer.Ordinal)
    {
        ["hnsw"] = ["hnsw", "int8_hnsw", "int4_hnsw", "bbq_hnsw"],
        ["int8_hnsw"] = ["int8_hnsw", "int4_hnsw", "bbq_hnsw"],
        ["int4_hnsw"] = ["int4_hnsw", "bbq_hnsw"],
        ["bbq_hnsw"] = ["bbq_hnsw"],
        ["int8_flat"] = ["int8_flat", "int4_flat", "bbq_flat", "hnsw", "int8_hnsw", "int4_hnsw", "bbq_hnsw"],
        ["int4_flat"] = ["int4_flat", "bbq_flat", "hnsw", "int8_hnsw", "int4_hnsw", "bbq_hnsw"],
        ["bbq_flat"] = ["bbq_flat", "bbq_hnsw"],
    };

    /// <summary>Throws Elasticsearch's conflict when <paramref name="incoming"/> (normalised) cannot replace <paramref name="current"/>.</summary>
    public static void Check(string path, JsonObject current, JsonObject incoming)
    {
        if (current["dims"] is { } dims && incoming["dims"] is null)
        {
            throw Conflict(path, "dims", dims.ToJsonString(), "null");
        }

        var currentElement = current["element_type"]?.GetValue<string>() ?? "float";
        var newElement = incoming["element_type"]?.GetValue<string>() ?? "float";
        if (currentElement != newElement)
        {
            throw Conflict(path, "element_type", currentElement, newElement);
        }

        if (current["index_options"] is JsonObject from && incoming["index_options"] is JsonObject to && !Updatable(from, to))
        {
            throw Conflict(path, "index_options", from.ToJsonString(), to.ToJsonString());
        }
    }

    private static bool Updatable(JsonObject from, JsonObject to)
    {
        var fromType = from["type"]!.GetValue<string>();
        var toType = to["type"]!.GetValue<string>();
        if (fromType == "flat")
        {
            return true;
        }

        if (!UpdatableTo.TryGetValue(fromType, out var allowed) || !allowed.Contains(toType))
        {
            return false;
        }

        // HNSW graphs can only gain connections.
        return from["m"] is not JsonValue m || to["m"] is not JsonValue newM || newM.GetValue<int>() >= m.GetValue<int>();
    }

    private static StoreException Conflict(string path, string parameter, string from, string to) =>
        StoreException.IllegalArgument("Mapper for [" + path + "] conflicts with existing mapper:\n\tCannot update parameter [" + parameter + "] from [" + from + "] to [" + to + "]");
}
