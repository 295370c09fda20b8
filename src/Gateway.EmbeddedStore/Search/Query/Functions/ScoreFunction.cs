using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query.Functions;

/// <summary>One function of a <c>function_score</c> query: an optional filter, a weight and the function proper.</summary>
internal abstract class ScoreFunction
{
    /// <summary>Documents the function applies to (all when null).</summary>
    public QueryNode? Filter { get; init; }

    /// <summary>The function's <c>weight</c> (1 when not given).</summary>
    public float Weight { get; init; } = 1f;

    /// <summary>The function bound to one snapshot: document ordinal → factor (before the weight).</summary>
    public abstract Func<int, double> Bind(SearchContext context);

    /// <summary>The function bound to one snapshot, for functions that read the query's score too (script_score).</summary>
    public virtual Func<int, double, double> BindScored(SearchContext context)
    {
        var bound = Bind(context);
        return (ord, _) => bound(ord);
    }
}
