using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Explain;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary><c>constant_score</c>: the filter's matches, each scoring the boost.</summary>
internal sealed class ConstantScoreQuery : QueryNode
{
    public ConstantScoreQuery(QueryNode filter)
    {
        Filter = filter;
    }

    public QueryNode Filter { get; }

    public override IEnumerable<QueryNode> Children => [Filter];

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms) => Filter.CollectTerms(context, terms);

    public override DocResult Execute(SearchContext context, bool scoring) =>
        new(Filter.Execute(context, scoring: false).Bits, null, Boost);

    public override Explanation Explain(QueryExplainer explainer, int ord)
    {
        var filter = explainer.Explain(Filter, ord);
        return filter.IsMatch
            ? Explanation.Match(Boost, "ConstantScore(" + filter.Description + ")" + (Boost == 1f ? string.Empty : "^" + QueryExplainer.JavaFloat(Boost)))
            : Explanation.NoMatch("ConstantScore(" + filter.Description + ") doesn't match id " + ord, filter);
    }
}
