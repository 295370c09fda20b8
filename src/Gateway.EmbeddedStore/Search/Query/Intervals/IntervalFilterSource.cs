namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary>
/// An interval <c>filter</c>: the source's intervals kept by their relation to the reference's intervals in the same
/// document (Lucene's <c>containing</c>, <c>containedBy</c>, <c>notContaining</c>, <c>notContainedBy</c>,
/// <c>overlapping</c>, <c>nonOverlapping</c>, <c>before</c> and <c>after</c>).
/// </summary>
internal sealed class IntervalFilterSource : IntervalSource
{
    private readonly string _type;
    private readonly IntervalSource _source;
    private readonly IntervalSource _reference;

    public IntervalFilterSource(string type, IntervalSource source, IntervalSource reference)
    {
        _type = type;
        _source = source;
        _reference = reference;
    }

    /// <summary>The filter types Elasticsearch accepts besides <c>script</c>.</summary>
    public static IReadOnlyList<string> Types { get; } =
        ["containing", "contained_by", "not_containing", "not_contained_by", "overlapping", "not_overlapping", "before", "after"];

    public override int MinExtent => _source.MinExtent;

    public override string Key => _type + "(" + _source.Key + "," + _reference.Key + ")";

    public override List<Interval> Intervals(IntervalDoc doc, string field)
    {
        var intervals = _source.Intervals(doc, field);
        if (intervals.Count == 0)
        {
            return intervals;
        }

        var reference = _reference.Intervals(doc, field);
        return intervals.Where(i => Keeps(i, reference)).ToList();
    }

    private bool Keeps(Interval interval, List<Interval> reference) => _type switch
    {
        "containing" => reference.Exists(interval.Contains),
        "contained_by" => reference.Exists(r => r.Contains(interval)),
        "not_containing" => !reference.Exists(interval.Contains),
        "not_contained_by" => !reference.Exists(r => r.Contains(interval)),
        "overlapping" => reference.Exists(interval.Overlaps),
        "not_overlapping" => !reference.Exists(interval.Overlaps),
        "before" => reference.Exists(r => interval.End < r.Start),
        "after" => reference.Exists(r => interval.Start > r.End),
        _ => throw new InvalidOperationException("unknown interval filter " + _type),
    };
}
