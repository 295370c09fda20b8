using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Query;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// Named queries (Elasticsearch's <c>MatchedQueriesPhase</c>): every clause with a <c>_name</c> in the query, the post
/// filter, the kNN sections and the rescore queries is run on its own, with scores, and a hit lists the names whose clause
/// matches it in <c>matched_queries</c> (an array of names, or with <c>include_named_queries_score</c> an object of
/// name → that clause's own score, which need not have counted towards the hit's score: a filter, a <c>must_not</c>).
/// </summary>
internal static class NamedQueries
{
    /// <summary>The named clauses of a parsed request, one per name (a later definition of a name replaces an earlier one).</summary>
    public static IReadOnlyList<NamedQuery> Collect(SearchRequest request)
    {
        var found = new List<NamedQuery>();
        Walk(request.Query, found);
        Walk(request.PostFilter, found);
        foreach (var knn in request.Knn)
        {
            if (knn.Name is { } name)
            {
                found.Add(new NamedQuery(name, knn, null));
            }

            foreach (var filter in knn.Filters)
            {
                Walk(filter, found);
            }
        }

        foreach (var rescorer in request.Rescore)
        {
            Walk(rescorer.Query, found);
        }

        return OnePerName(found);
    }

    /// <summary>The named clauses of one query (an inner hits definition reports those of its nested query's inner query).</summary>
    public static IReadOnlyList<NamedQuery> Collect(QueryNode query)
    {
        var found = new List<NamedQuery>();
        Walk(query, found);
        return OnePerName(found);
    }

    private static List<NamedQuery> OnePerName(List<NamedQuery> found)
    {
        var byName = new Dictionary<string, NamedQuery>(StringComparer.Ordinal);
        foreach (var named in found)
        {
            byName[named.Name] = named;
        }

        return JavaHashMapOrder(byName.Values.ToList());
    }

    /// <summary>A kNN section's matches as a result: its k documents, scored by similarity × boost.</summary>
    public static DocResult Found(SearchContext context, List<(int Ord, float Score)> found, float boost)
    {
        var bits = new DocBits(context.MaxDoc);
        var scores = context.Scores();
        foreach (var (ord, score) in found)
        {
            bits.Set(ord);
            scores[ord] = score * boost;
        }

        return new DocResult(bits, scores, 0f);
    }

    /// <summary>The hit's <c>matched_queries</c>, or null when no named clause matches it.</summary>
    public static JsonNode? Render(SearchContext context, int ord, SearchRequest request)
    {
        if (request.NamedQueries.Count == 0)
        {
            return null;
        }

        JsonObject? scored = null;
        JsonArray? names = null;
        foreach (var named in request.NamedQueries)
        {
            var result = Result(context, named);
            if (!result.Bits[ord])
            {
                continue;
            }

            if (request.IncludeNamedQueriesScore)
            {
                (scored ??= [])[named.Name] = result.Score(ord);
            }
            else
            {
                (names ??= []).Add(named.Name);
            }
        }

        return (JsonNode?)scored ?? names;
    }

    private static DocResult Result(SearchContext context, NamedQuery named)
    {
        if (!context.NamedResults.TryGetValue(named.Key, out var result))
        {
            result = named.Query?.Execute(context, scoring: true) ?? DocResult.Empty(context.MaxDoc);
            context.NamedResults[named.Key] = result;
        }

        return result;
    }

    private static void Walk(QueryNode? node, List<NamedQuery> found)
    {
        if (node is null)
        {
            return;
        }

        // Elasticsearch registers a clause's name after converting its children, so children come first.
        foreach (var child in node.Children)
        {
            Walk(child, found);
        }

        if (node.Name is { } name)
        {
            found.Add(new NamedQuery(name, node, node));
        }
    }

    // Elasticsearch collects the names in a java.util.HashMap and reports them in its iteration order: by bucket
    // (the spread String.hashCode masked by the table size, 16 doubled while the map is over three quarters full).
    private static List<NamedQuery> JavaHashMapOrder(List<NamedQuery> named)
    {
        var capacity = 16;
        while (named.Count > capacity * 3 / 4)
        {
            capacity *= 2;
        }

        return [.. named.Select((n, i) => (n, i)).OrderBy(p => Bucket(p.n.Name, capacity)).ThenBy(p => p.i).Select(p => p.n)];
    }

    private static int Bucket(string name, int capacity)
    {
        var h = 0;
        foreach (var c in name)
        {
            h = unchecked((31 * h) + c);
        }

        return (h ^ (int)((uint)h >> 16)) & (capacity - 1);
    }
}
