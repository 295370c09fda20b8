namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary><c>any_of</c> (Lucene's <c>Intervals.or</c>): the minimal intervals of any of the sources.</summary>
internal sealed class IntervalDisjunctionSource : IntervalSource
{
    private readonly IReadOnlyList<IntervalSource> _sources;

    public IntervalDisjunctionSource(IReadOnlyList<IntervalSource> sources)
    {
        _sources = sources;
        Key = "or(" + string.Join(",", sources.Select(s => s.Key)) + ")";
    }

    public override int MinExtent => _sources.Count == 0 ? 1 : _sources.Min(s => s.MinExtent);

    public override string Key { get; }

    public override List<Interval> Intervals(IntervalDoc doc, string field) =>
        Minimize(_sources.SelectMany(s => s.Intervals(doc, field)));

    public override List<Interval> Candidates(IntervalDoc doc, string field) =>
        _sources.SelectMany(s => s.Candidates(doc, field)).Distinct().OrderBy(i => i.Start).ThenBy(i => i.End).ToList();
}
