using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Explain;

/// <summary>The <c>_explanation</c> of a search hit: its query's explanation, plus what kNN sections and boosts added.</summary>
internal static class HitExplanation
{
    public static Explanation Explain(SearchContext context, SearchRequest request, Hit hit)
    {
        var query = request.Query is not null || request.Knn.Count == 0
            ? context.Explainer.Explain(request.Query ?? new MatchAllQuery(), hit.Ord)
            : null;
        if (query is not null && query.IsMatch && query.Value == hit.Score)
        {
            return query;
        }

        // What the query does not explain (kNN sections, indices_boost) is the rest of the hit's score.
        var details = new List<Explanation>();
        if (query is { IsMatch: true })
        {
            details.Add(query);
        }

        var rest = hit.Score - (query is { IsMatch: true } ? query.Value : 0f);
        if (request.Knn.Count > 0)
        {
            details.Add(Explanation.Match(rest, "within top k documents (kNN sections)"));
            return Explanation.Match(hit.Score, "sum of:", details);
        }

        if (query is { IsMatch: true, Value: not 0f })
        {
            details.Add(Explanation.Match(hit.Score / query.Value, "index boost (indices_boost)"));
        }

        return Explanation.Match(hit.Score, "product of:", details);
    }
}
