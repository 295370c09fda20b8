using System.Text.Json.Nodes;

namespace Gateway.Rewrite;

/// <summary>Adds pre-filters to a knn section, keeping the filter it already has (an object or an array).</summary>
internal static class KnnFilters
{
    public static void Add(JsonObject knn, IEnumerable<JsonNode> filters)
    {
        var combined = knn["filter"] switch
        {
            null => new JsonArray(),
            JsonArray array => array,
            var single => new JsonArray(single.DeepClone()),
        };
        foreach (var filter in filters)
        {
            combined.Add(filter.DeepClone());
        }

        knn["filter"] = combined;
    }
}
