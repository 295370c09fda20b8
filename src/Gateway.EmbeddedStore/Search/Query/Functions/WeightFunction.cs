using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query.Functions;

/// <summary>A function that is only a <c>weight</c>: every document it applies to gets the weight.</summary>
internal sealed class WeightFunction : ScoreFunction
{
    public override Func<int, double> Bind(SearchContext context) => _ => 1d;
}
