namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary>
/// Intervals made of one interval of each source (Lucene's <c>phrase</c>, <c>ordered</c> and <c>unordered</c>, with
/// <c>maxgaps</c> when <see cref="IntervalCombineSource(IntervalCombineMode, IReadOnlyList{IntervalSource}, int)"/>
/// gets a gap limit): a phrase's sources follow each other with no gap, an ordered source's appear in order without
/// overlapping, an unordered source's in any order (they may overlap). The gaps of an interval are its positions
/// that no chosen source interval covers. Disjunctions are pulled up (every alternative is tried) and only the
/// minimal intervals are kept. Identical sources of an unordered combination must match at different places, as
/// Lucene's de-duplication into a repeating source requires.
/// </summary>
internal sealed class IntervalCombineSource : IntervalSource
{
    private readonly IntervalCombineMode _mode;
    private readonly IReadOnlyList<IntervalSource> _sources;
    private readonly int _maxGaps;
    private readonly bool _keepChosen;

    public IntervalCombineSource(IntervalCombineMode mode, IReadOnlyList<IntervalSource> sources, int maxGaps)
    {
        _mode = mode;
        _sources = sources;
        _maxGaps = maxGaps;
        _keepChosen = maxGaps >= 0 || (mode == IntervalCombineMode.Unordered && sources.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count() < sources.Count);
        Key = mode + "/" + maxGaps + "(" + string.Join(",", sources.Select(s => s.Key)) + ")";
    }

    public override int MinExtent => _mode == IntervalCombineMode.Unordered
        ? _sources.Max(s => s.MinExtent)
        : _sources.Sum(s => s.MinExtent);

    public override string Key { get; }

    public override List<Interval> Intervals(IntervalDoc doc, string field)
    {
        var lists = new List<List<Interval>>(_sources.Count);
        foreach (var source in _sources)
        {
            var candidates = source.Candidates(doc, field);
            if (candidates.Count == 0)
            {
                return [];
            }

            lists.Add(candidates);
        }

        var states = new List<State> { new(int.MaxValue, -1, []) };
        for (var i = 0; i < lists.Count; i++)
        {
            var next = new Dictionary<string, State>(StringComparer.Ordinal);
            foreach (var state in states)
            {
                foreach (var interval in lists[i])
                {
                    if (!Follows(state, interval, i))
                    {
                        continue;
                    }

                    var extended = state.With(interval, _sources[i].Key);
                    next.TryAdd(extended.Signature(_keepChosen), extended);
                }
            }

            states = next.Values.ToList();
            if (states.Count == 0)
            {
                return [];
            }
        }

        return Minimize(states.Where(s => _maxGaps < 0 || s.Gaps <= _maxGaps).Select(s => new Interval(s.Start, s.End)));
    }

    private bool Follows(State state, Interval interval, int index)
    {
        if (index == 0)
        {
            return true;
        }

        return _mode switch
        {
            IntervalCombineMode.Phrase => interval.Start == state.End + 1,
            IntervalCombineMode.Ordered => interval.Start > state.End,
            _ => !state.Chosen.Exists(c => c.Interval == interval && c.Key == _sources[index].Key),
        };
    }

    private sealed record State(int Start, int End, List<(Interval Interval, string Key)> Chosen)
    {
        /// <summary>Positions of the interval that no chosen source interval covers.</summary>
        public int Gaps
        {
            get
            {
                var covered = 0;
                var upTo = int.MinValue;
                foreach (var (interval, _) in Chosen.OrderBy(c => c.Interval.Start))
                {
                    var from = Math.Max(interval.Start, upTo + 1);
                    if (interval.End >= from)
                    {
                        covered += interval.End - from + 1;
                    }

                    upTo = Math.Max(upTo, interval.End);
                }

                return End - Start + 1 - covered;
            }
        }

        public State With(Interval interval, string key) =>
            new(Math.Min(Start, interval.Start), Math.Max(End, interval.End), [.. Chosen, (interval, key)]);

        /// <summary>What later sources and the gap count depend on: states with the same signature are interchangeable.</summary>
        public string Signature(bool withChosen) =>
            withChosen
                ? Start + ":" + End + ":" + string.Join(";", Chosen.Select(c => c.Interval.Start + "-" + c.Interval.End).Order(StringComparer.Ordinal))
                : Start + ":" + End;
    }
}
