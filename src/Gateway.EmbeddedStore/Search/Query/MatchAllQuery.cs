using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Explain;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary><c>match_all</c>: every live document, scoring the boost.</summary>
internal sealed class MatchAllQuery : QueryNode
{
    public override DocResult Execute(SearchContext context, bool scoring) =>
        new(context.Snapshot.AllLive(), null, Boost);

    public override Explanation Explain(QueryExplainer explainer, int ord) =>
        Explanation.Match(Boost, Boost == 1f ? "*:*" : "*:*^" + QueryExplainer.JavaFloat(Boost));
}
