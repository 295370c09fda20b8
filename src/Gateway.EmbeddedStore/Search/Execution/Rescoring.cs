using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>
/// Applies a request's rescorers as Elasticsearch's rescore phase does, per index: the top
/// max(from + size, largest <c>window_size</c>) hits by score (with <c>collapse</c>, the top hit of each group: rescoring
/// comes after collapsing, as since 8.15) are kept; each rescorer in turn gives its window a new score, the hits past
/// its window keep theirs × <c>query_weight</c>, and the kept hits are sorted again (score, then document). Only the kept
/// hits can be returned; the total is unchanged, and aggregations saw the first-pass scores.
/// </summary>
internal static class Rescoring
{
    /// <summary>ES's per-shard checks: a sort other than a lone descending <c>_score</c>, a window past <c>index.max_rescore_window</c>.</summary>
    public static void Validate(SearchContext context, SearchRequest request)
    {
        if (request.Rescore.Count == 0)
        {
            return;
        }

        if (request.Sort is { } sort && !(sort.Count == 1 && sort[0].IsScore && sort[0].Descending))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("Cannot use [sort] option in conjunction with [rescore]."));
        }

        foreach (var rescorer in request.Rescore)
        {
            if (rescorer.WindowSize > context.MaxRescoreWindow)
            {
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                    "Rescore window [" + rescorer.WindowSize + "] is too large. It must be less than [" + context.MaxRescoreWindow +
                    "]. This prevents allocating massive heaps for storing the results to be rescored. This limit can be set by changing the [index.max_rescore_window] index level setting."));
            }
        }
    }

    public static List<ShardOutcome> Apply(List<ShardOutcome> outcomes, SearchRequest request)
    {
        if (request.Rescore.Count == 0)
        {
            return outcomes;
        }

        var kept = Math.Max(request.From + request.Size, request.Rescore.Max(r => r.WindowSize));
        var result = new List<ShardOutcome>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            IEnumerable<Hit> ordered = HitCollector.Ordered([outcome], request);
            if (request.Collapse is { } collapse)
            {
                ordered = collapse.TopOfGroups(ordered);
            }

            var top = ordered.Take(kept).Select(h => (h.Ord, h.Score)).ToList();
            foreach (var rescorer in request.Rescore)
            {
                var second = rescorer.Query.Execute(outcome.Context, scoring: true);
                for (var i = 0; i < top.Count; i++)
                {
                    var (ord, score) = top[i];
                    top[i] = (ord, i < rescorer.WindowSize ? rescorer.Combine(score, second.Bits[ord], second.Score(ord)) : score * rescorer.QueryWeight);
                }

                top.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Ord.CompareTo(b.Ord));
            }

            var scores = new Dictionary<int, float>(top.Count);
            var ranked = new DocBits(outcome.HitDocs.Length);
            foreach (var (ord, score) in top)
            {
                scores[ord] = score;
                ranked.Set(ord);
            }

            var first = outcome.Score;
            result.Add(new ShardOutcome(outcome.ShardIndex, outcome.Context, outcome.AggregationDocs, outcome.HitDocs, ord => scores.TryGetValue(ord, out var s) ? s : first(ord))
            {
                Ranked = ranked,
            });
        }

        return result;
    }
}
