using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Rewrite;

/// <summary>
/// Turns the <c>query</c> of a root shorthand into kNN pre-filters. The query decides WHICH documents
/// are candidates; the vector alone ranks them. A top-level <c>bool</c> is split clause by clause:
/// <c>filter</c> and <c>must</c> clauses become filters (must clauses keep their matching, lose their
/// score); <c>must_not</c> becomes one <c>bool.must_not</c> filter; <c>should</c> becomes a
/// <c>bool.should</c> filter with its <c>minimum_should_match</c> when it constrains matching (no
/// must/filter, or an explicit non-zero minimum_should_match) and is dropped when it could only add
/// score. Any other query becomes one filter as a whole; <c>match_all</c> none.
/// </summary>
internal static class FilterExtractor
{
    public static List<JsonNode> Extract(JsonNode? query)
    {
        var filters = new List<JsonNode>();
        if (query is null)
        {
            return filters;
        }

        if (query is not JsonObject obj || obj.Count != 1)
        {
            throw RewriteException.BadRequest("[query] must be an object with exactly one query clause");
        }

        var (name, clause) = obj.First();
        if (name == "match_all")
        {
            return filters;
        }

        if (name != "bool" || clause is not JsonObject boolQuery)
        {
            filters.Add(query.DeepClone());
            return filters;
        }

        AddClauses(filters, boolQuery["filter"]);
        AddClauses(filters, boolQuery["must"]);
        var mustNot = Clauses(boolQuery["must_not"]);
        if (mustNot.Count > 0)
        {
            filters.Add(new JsonObject { ["bool"] = new JsonObject { ["must_not"] = new JsonArray([.. mustNot]) } });
        }

        var should = Clauses(boolQuery["should"]);
        var minimumShouldMatch = boolQuery["minimum_should_match"];
        var hasRequired = boolQuery["filter"] is not null || boolQuery["must"] is not null;
        if (should.Count > 0 && (!hasRequired || IsNonZero(minimumShouldMatch)))
        {
            filters.Add(new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["should"] = new JsonArray([.. should]),
                    ["minimum_should_match"] = minimumShouldMatch?.DeepClone() ?? 1,
                },
            });
        }

        return filters;
    }

    private static void AddClauses(List<JsonNode> filters, JsonNode? node) => filters.AddRange(Clauses(node));

    private static List<JsonNode> Clauses(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.Where(c => c is not null).Select(c => c!.DeepClone())],
        JsonObject => [node.DeepClone()],
        _ => throw RewriteException.BadRequest("[bool] clauses must be query objects or arrays of them"),
    };

    private static bool IsNonZero(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => node.GetValue<double>() != 0,
        JsonValueKind.String => node.GetValue<string>().Trim() is not ("0" or "0%"),
        _ => false,
    };
}
