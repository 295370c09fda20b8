using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>The <c>knn</c> query: the k nearest (pre-filtered) documents, scored by similarity × boost.</summary>
internal sealed class KnnQuery : QueryNode
{
    public KnnQuery(KnnSearch search)
    {
        Search = search;
        Boost = search.Boost;
        Name = search.Name;
    }

    public KnnSearch Search { get; }

    public override IEnumerable<QueryNode> Children => Search.Filters;

    public override DocResult Execute(SearchContext context, bool scoring) => Execute(context, preFilter: null);

    /// <summary>Runs with an extra pre-filter (the enclosing bool's filter clauses).</summary>
    public DocResult Execute(SearchContext context, DocBits? preFilter)
    {
        var bits = new DocBits(context.MaxDoc);
        var scores = context.Scores();
        foreach (var (ord, score) in KnnExecutor.Search(context, Search, preFilter))
        {
            bits.Set(ord);
            scores[ord] = score * Boost;
        }

        var result = new DocResult(bits, scores, Boost);
        if (Name is not null)
        {
            // A kNN query's top k depend on the filters around it: its named match is what it found here.
            context.NamedResults[this] = result;
        }

        return result;
    }
}
