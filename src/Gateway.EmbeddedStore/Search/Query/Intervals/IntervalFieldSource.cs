namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary><c>use_field</c> (Lucene's <c>Intervals.fixField</c>): the source's intervals in another field.</summary>
internal sealed class IntervalFieldSource : IntervalSource
{
    private readonly string _field;
    private readonly IntervalSource _source;

    public IntervalFieldSource(string field, IntervalSource source)
    {
        _field = field;
        _source = source;
    }

    public override int MinExtent => _source.MinExtent;

    public override string Key => "field(" + _field + "," + _source.Key + ")";

    public override List<Interval> Intervals(IntervalDoc doc, string field) => _source.Intervals(doc, _field);

    public override List<Interval> Candidates(IntervalDoc doc, string field) => _source.Candidates(doc, _field);
}
