using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Query.Intervals;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>intervals</c>: documents whose text field holds a matching interval of positions, scored as Lucene's
/// <c>IntervalQuery</c>: <c>boost · f / (f + 1)</c>, where <c>f</c> sums <c>1 / max(width − minExtent + 1, 1)</c>
/// over the document's minimal intervals. An unmapped field (or <c>use_field</c>) matches nothing.
/// </summary>
internal sealed class IntervalsQuery : QueryNode
{
    private readonly string _field;
    private readonly IntervalRule _rule;

    public IntervalsQuery(string field, IntervalRule rule)
    {
        _field = field;
        _rule = rule;
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var field = context.Field(_field);
        if (field is null || _rule.UsedFields().Any(f => context.Field(f) is null))
        {
            return DocResult.Empty(context.MaxDoc);
        }

        IntervalSourceBuilder.RequireText(field);
        var source = IntervalSourceBuilder.Build(_rule, context, field);
        var bits = new DocBits(context.MaxDoc);
        var scores = scoring ? context.Scores() : null;
        var doc = new IntervalDoc(context);
        var minExtent = source.MinExtent;
        foreach (var ord in context.Snapshot.Live.Ordinals())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            doc.Ord = ord;
            var intervals = source.Intervals(doc, _field);
            if (intervals.Count == 0)
            {
                continue;
            }

            bits.Set(ord);
            if (scores is not null)
            {
                var freq = 0f;
                foreach (var interval in intervals)
                {
                    freq += 1f / Math.Max(interval.Width - minExtent + 1, 1);
                }

                scores[ord] = Boost * freq / (freq + 1);
            }
        }

        return new DocResult(bits, scores, Boost);
    }
}
