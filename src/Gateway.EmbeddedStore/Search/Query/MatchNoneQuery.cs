using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary><c>match_none</c>: nothing.</summary>
internal sealed class MatchNoneQuery : QueryNode
{
    public override DocResult Execute(SearchContext context, bool scoring) => DocResult.Empty(context.MaxDoc);
}
