using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// A disjunction of clauses scored as <c>dis_max</c> (best clause + tie_breaker × the others) or,
/// with <see cref="Sum"/>, as the sum. Backs <c>dis_max</c> and <c>multi_match</c>.
/// </summary>
internal sealed class CombinedQuery : QueryNode
{
    public CombinedQuery(IReadOnlyList<QueryNode> clauses, bool sum, float tieBreaker)
    {
        Clauses = clauses;
        Sum = sum;
        TieBreaker = tieBreaker;
    }

    public IReadOnlyList<QueryNode> Clauses { get; }

    public bool Sum { get; }

    public float TieBreaker { get; }

    public override IEnumerable<QueryNode> Children => Clauses;

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms)
    {
        foreach (var clause in Clauses)
        {
            clause.CollectTerms(context, terms);
        }
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var bits = new DocBits(context.MaxDoc);
        var max = scoring ? context.Scores() : null;
        var total = scoring ? context.Scores() : null;
        foreach (var clause in Clauses)
        {
            var r = clause.Execute(context, scoring);
            bits.Or(r.Bits);
            if (max is null || total is null)
            {
                continue;
            }

            foreach (var ord in r.Bits.Ordinals())
            {
                var s = r.Score(ord);
                max[ord] = Math.Max(max[ord], s);
                total[ord] += s;
            }
        }

        if (max is null || total is null)
        {
            return new DocResult(bits, null, Boost);
        }

        foreach (var ord in bits.Ordinals())
        {
            var s = Sum ? total[ord] : max[ord] + (TieBreaker * (total[ord] - max[ord]));
            max[ord] = s * Boost;
        }

        return new DocResult(bits, max, Boost);
    }
}
