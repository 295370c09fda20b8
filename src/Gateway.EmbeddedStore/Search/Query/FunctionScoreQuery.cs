using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Query.Functions;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>function_score</c>: the query's matches, each rescored by the functions whose filter it matches, combined by
/// <c>score_mode</c>, capped by <c>max_boost</c>, merged with the query score by <c>boost_mode</c>, then cut at
/// <c>min_score</c> (Elasticsearch's FunctionScoreQuery).
/// </summary>
internal sealed class FunctionScoreQuery : QueryNode
{
    public required QueryNode Query { get; init; }

    public required IReadOnlyList<ScoreFunction> Functions { get; init; }

    public string ScoreMode { get; init; } = "multiply";

    public string BoostMode { get; init; } = "multiply";

    public double MaxBoost { get; init; } = float.MaxValue;

    public float? MinScore { get; init; }

    public override IEnumerable<QueryNode> Children => Functions.Select(f => f.Filter).OfType<QueryNode>().Prepend(Query);

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms) => Query.CollectTerms(context, terms);

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var inner = Query.Execute(context, scoring: true);
        var bound = Functions.Select(f => (Function: f, Score: f.BindScored(context), Filter: f.Filter?.Execute(context, scoring: false).Bits)).ToList();
        var bits = new DocBits(context.MaxDoc);
        var scores = context.Scores();
        foreach (var ord in inner.Bits.Ordinals())
        {
            var factor = Math.Min(Factor(bound, ord, inner.Score(ord)), MaxBoost);
            var score = Combine(inner.Score(ord), factor) * Boost;
            if (MinScore is { } min && score < min)
            {
                continue;
            }

            bits.Set(ord);
            scores[ord] = score;
        }

        return new DocResult(bits, scores, Boost);
    }

    private double Factor(List<(ScoreFunction Function, Func<int, double, double> Score, DocBits? Filter)> functions, int ord, double queryScore)
    {
        double product = 1, total = 0, weights = 0, max = double.NegativeInfinity, min = double.PositiveInfinity;
        var matched = false;
        foreach (var (function, score, filter) in functions)
        {
            if (filter is not null && !filter[ord])
            {
                continue;
            }

            var value = score(ord, queryScore) * function.Weight;
            if (ScoreMode == "first")
            {
                return value;
            }

            matched = true;
            product *= value;
            total += value;
            weights += function.Weight;
            max = Math.Max(max, value);
            min = Math.Min(min, value);
        }

        if (!matched)
        {
            return 1;
        }

        return ScoreMode switch
        {
            "sum" => total,
            "avg" => total / weights,
            "max" => max,
            "min" => min,
            _ => product,
        };
    }

    private float Combine(float query, double factor) => (float)(BoostMode switch
    {
        "replace" => factor,
        "sum" => query + factor,
        "avg" => (query + factor) / 2,
        "max" => Math.Max(query, factor),
        "min" => Math.Min(query, factor),
        _ => query * factor,
    });
}
