namespace Gateway.EmbeddedStore.Search.Query.Intervals;

/// <summary>
/// The positions of one term, or of every indexed term a pattern accepts (prefix, wildcard, regexp, fuzzy, range:
/// Lucene's <c>MultiTermIntervalsSource</c>); each position is an interval of width 1.
/// </summary>
internal sealed class IntervalTermsSource : IntervalSource
{
    private readonly string? _term;
    private readonly Func<string, bool>? _accepts;
    private readonly Dictionary<string, List<string>> _expansions = new(StringComparer.Ordinal);

    private IntervalTermsSource(string key, string? term, Func<string, bool>? accepts)
    {
        Key = key;
        _term = term;
        _accepts = accepts;
    }

    public override int MinExtent => 1;

    public override string Key { get; }

    public static IntervalTermsSource Term(string term) => new("term:" + term, term, null);

    public static IntervalTermsSource Matching(string key, Func<string, bool> accepts) => new(key, null, accepts);

    public override List<Interval> Intervals(IntervalDoc doc, string field)
    {
        var index = doc.Positions(field);
        if (_term is not null)
        {
            return index.Positions(_term, doc.Ord).Select(p => new Interval(p, p)).ToList();
        }

        if (!_expansions.TryGetValue(field, out var terms))
        {
            terms = index.Terms.Keys.Where(_accepts!).ToList();
            _expansions[field] = terms;
        }

        var positions = new SortedSet<int>();
        foreach (var term in terms)
        {
            positions.UnionWith(index.Positions(term, doc.Ord));
        }

        return positions.Select(p => new Interval(p, p)).ToList();
    }
}
