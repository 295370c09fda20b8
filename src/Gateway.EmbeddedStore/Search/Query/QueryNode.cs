using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Explain;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>A parsed query DSL clause that can run against one snapshot.</summary>
internal abstract class QueryNode
{
    public float Boost { get; set; } = 1f;

    /// <summary>The clause's <c>_name</c>, reported in <c>matched_queries</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Runs the clause. When <paramref name="scoring"/> is false scores may be skipped.</summary>
    public abstract DocResult Execute(SearchContext context, bool scoring);

    /// <summary>
    /// The clauses this one runs on the same documents (compound queries), walked to find named queries. A nested
    /// query's inner clause runs on the nested objects, so it is not listed: its names belong to its inner hits.
    /// </summary>
    public virtual IEnumerable<QueryNode> Children => [];

    /// <summary>Adds the terms this clause looks for to <paramref name="terms"/> (for highlighting); none by default.</summary>
    public virtual void CollectTerms(SearchContext context, Highlight.HighlightTerms terms)
    {
    }

    /// <summary>Why document <paramref name="ord"/> matches (or not) and scores what it scores; by default the score the clause computes.</summary>
    public virtual Explanation Explain(QueryExplainer explainer, int ord) => explainer.Generic(this, ord);
}
