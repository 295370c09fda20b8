using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// <c>indices_boost</c>: multiplies the scores of an index's hits. Entries name an index, an alias or a wildcard
/// pattern; the first entry that matches an index wins, as in Elasticsearch.
/// </summary>
internal static class IndicesBoost
{
    public static IReadOnlyList<(string Index, float Boost)> Parse(JsonNode? value)
    {
        var result = new List<(string, float)>();
        switch (value)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not JsonObject { Count: 1 } entry)
                    {
                        throw StoreException.Parsing("Expected [START_OBJECT] in [indices_boost] but found [" + JsonValues.TokenName(item) + "]");
                    }

                    var (name, boost) = entry.First();
                    result.Add((name, (float)JsonValues.ToDouble(boost, "indices_boost")));
                }

                break;
            case JsonObject obj:
                // The deprecated object form; its order is the JSON order.
                result.AddRange(obj.Select(p => (p.Key, (float)JsonValues.ToDouble(p.Value, "indices_boost"))));
                break;
            default:
                throw StoreException.Parsing("Expected [START_ARRAY] in [indices_boost] but found [" + JsonValues.TokenName(value) + "]");
        }

        return result;
    }

    /// <summary>The boost of <paramref name="target"/>: the first entry naming it or one of its aliases, else 1.</summary>
    public static float For(IReadOnlyList<(string Index, float Boost)>? boosts, SearchTarget target)
    {
        foreach (var (name, boost) in boosts ?? [])
        {
            if (Wildcard.Matches(name, target.IndexName) || (target.Aliases?.Any(a => Wildcard.Matches(name, a)) ?? false))
            {
                return boost;
            }
        }

        return 1f;
    }
}
