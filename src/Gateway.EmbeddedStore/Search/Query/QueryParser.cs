using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>Parses query DSL JSON into <see cref="QueryNode"/> trees, with Elasticsearch's errors.</summary>
internal static partial class QueryParser
{
    public static QueryNode Parse(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            throw StoreException.Parsing("[_na] query malformed, must start with start_object");
        }

        if (obj.Count == 0)
        {
            return new MatchAllQuery();
        }

        if (obj.Count > 1)
        {
            var names = obj.Select(p => p.Key).ToList();
            throw StoreException.Parsing("[" + names[0] + "] malformed query, expected [END_OBJECT] but found [FIELD_NAME]");
        }

        var (type, body) = obj.First();
        var query = ParseTyped(type, body);
        return query;
    }

    private static QueryNode ParseTyped(string type, JsonNode? body)
    {
        return type switch
        {
            "match_all" or "match_none" when body is JsonObject options && options.Any(o => o.Key is not ("boost" or "_name")) =>
                throw StoreException.Parsing("[" + type + "] query does not support [" + options.First(o => o.Key is not ("boost" or "_name")).Key + "]"),
            "match_all" => WithCommon(new MatchAllQuery(), body, type),
            "match_none" => WithCommon(new MatchNoneQuery(), body, type),
            _ => ParseMore(type, body) ?? throw StoreException.Parsing("unknown query [" + type + "]"),
        };
    }

    /// <summary>Applies <c>boost</c> and <c>_name</c> from a query's options object.</summary>
    internal static T WithCommon<T>(T query, JsonNode? body, string type)
        where T : QueryNode
    {
        if (body is not JsonObject obj)
        {
            throw StoreException.Parsing("[" + type + "] query malformed, no start_object after query name");
        }

        if (obj["boost"] is { } boost)
        {
            query.Boost = (float)JsonValues.ToDouble(boost, "boost");
        }

        if (obj["_name"] is { } name)
        {
            query.Name = JsonValues.AsString(name);
        }

        return query;
    }

    /// <summary>Refuses an option the store does not implement, as Elasticsearch refuses one it does not know.</summary>
    internal static void RequireKnown(string type, JsonObject options, params string[] known)
    {
        foreach (var (key, _) in options)
        {
            if (key is not ("boost" or "_name") && Array.IndexOf(known, key) < 0)
            {
                throw StoreException.Parsing("[" + type + "] query does not support [" + key + "]");
            }
        }
    }

    private static partial QueryNode? ParseMore(string type, JsonNode? body);
}
