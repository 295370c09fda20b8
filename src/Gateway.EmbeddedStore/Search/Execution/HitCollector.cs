using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Search.Execution;

/// <summary>Picks the page of hits (from, size) across indices in the requested order.</summary>
internal static class HitCollector
{
    public static List<Hit> Collect(IReadOnlyList<ShardOutcome> outcomes, SearchRequest request)
    {
        var window = request.From + request.Size;
        if (window == 0)
        {
            return [];
        }

        // Collapsing keeps each group's first hit, so it needs every hit in order before paging.
        var ordered = request.Collapse is { } collapse ? collapse.TopOfGroups(Ordered(outcomes, request)) : Ordered(outcomes, request, window);
        return ordered.Skip(request.From).Take(request.Size).ToList();
    }

    /// <summary>Every hit in the requested order (after <c>search_after</c>): what a scroll pages through.</summary>
    public static List<Hit> Ordered(IReadOnlyList<ShardOutcome> outcomes, SearchRequest request) =>
        Ordered(outcomes, request, (int)Math.Min(int.MaxValue - 1, Math.Max(1, outcomes.Sum(o => (long)o.Candidates.Count()))));

    private static List<Hit> Ordered(IReadOnlyList<ShardOutcome> outcomes, SearchRequest request, int window)
    {

        var sort = request.Sort;
        List<Hit> all;
        if (sort is null || (sort.Count == 1 && sort[0].IsScore && sort[0].Descending))
        {
            all = [];
            foreach (var outcome in outcomes)
            {
                var heap = new TopKHeap(window);
                foreach (var ord in outcome.Candidates.Ordinals())
                {
                    heap.Add(outcome.Score(ord), ord);
                }

                all.AddRange(heap.ToSortedList().Select(p => new Hit(outcome, p.Ord, p.Key, sort is null ? null : [new SortKey(p.Key, null, System.Text.Json.Nodes.JsonValue.Create(p.Key))])));
            }

            all.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Outcome.ShardIndex != b.Outcome.ShardIndex ? a.Outcome.ShardIndex.CompareTo(b.Outcome.ShardIndex) : a.Ord.CompareTo(b.Ord));
        }
        else
        {
            foreach (var outcome in outcomes)
            {
                foreach (var spec in sort)
                {
                    SortValues.Validate(outcome.Context, spec);
                }
            }

            all = [];
            foreach (var outcome in outcomes)
            {
                foreach (var ord in outcome.Candidates.Ordinals())
                {
                    var score = outcome.Score(ord);
                    var keys = sort.Select(s => SortValues.Get(outcome.Context, outcome.ShardIndex, ord, score, s)).ToArray();
                    all.Add(new Hit(outcome, ord, score, keys));
                }
            }

            all.Sort((a, b) => Compare(a, b, sort));
        }

        if (request.SearchAfter is { } after && sort is not null)
        {
            var afterKeys = SearchAfter.Keys(after, sort);
            all = all.Where(h => SearchAfter.IsAfter(h.SortKeys!, afterKeys, sort)).ToList();
        }

        return all;
    }

    private static int Compare(Hit a, Hit b, List<SortSpec> sort)
    {
        for (var i = 0; i < sort.Count; i++)
        {
            var c = SortKey.Compare(a.SortKeys![i], b.SortKeys![i]);
            if (c != 0)
            {
                return sort[i].Descending ? -c : c;
            }
        }

        return a.Outcome.ShardIndex != b.Outcome.ShardIndex ? a.Outcome.ShardIndex.CompareTo(b.Outcome.ShardIndex) : a.Ord.CompareTo(b.Ord);
    }
}
