using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Aggregations;

/// <summary>Parses an <c>aggs</c> object and computes it over the matching documents of every index.</summary>
internal static class AggregationRunner
{
    public static JsonObject Run(JsonObject aggs, IReadOnlyList<ShardOutcome> outcomes, bool typedKeys)
    {
        var result = new JsonObject();
        foreach (var (name, definition) in aggs)
        {
            if (definition is not JsonObject obj || obj.Count == 0)
            {
                throw StoreException.Parsing("Expected [START_OBJECT] under [" + name + "], but got a [" + JsonValues.TokenName(definition) + "] in [" + name + "]");
            }

            var type = obj.First().Key;
            throw StoreException.Parsing("Unknown aggregation type [" + type + "] did you mean [terms]?");
        }

        _ = outcomes;
        _ = typedKeys;
        return result;
    }
}
