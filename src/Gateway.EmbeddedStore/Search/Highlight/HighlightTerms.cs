namespace Gateway.EmbeddedStore.Search.Highlight;

/// <summary>What a query matches, per field, for highlighting: exact (analyzed) terms and term patterns.</summary>
internal sealed class HighlightTerms
{
    private readonly Dictionary<string, HashSet<string>> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Func<string, bool>>> _patterns = new(StringComparer.Ordinal);

    public void Add(string field, string term)
    {
        if (!_terms.TryGetValue(field, out var set))
        {
            _terms[field] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(term);
    }

    public void AddPattern(string field, Func<string, bool> matches)
    {
        if (!_patterns.TryGetValue(field, out var list))
        {
            _patterns[field] = list = [];
        }

        list.Add(matches);
    }

    /// <summary>
    /// Whether <paramref name="term"/> of <paramref name="field"/> matches; with <paramref name="anyField"/>
    /// (<c>require_field_match: false</c>) a term the query looks for in any field counts.
    /// </summary>
    public bool Matches(string field, string term, bool anyField)
    {
        if (anyField)
        {
            return _terms.Values.Any(s => s.Contains(term)) || _patterns.Values.Any(l => l.Exists(p => p(term)));
        }

        return (_terms.TryGetValue(field, out var set) && set.Contains(term))
            || (_patterns.TryGetValue(field, out var list) && list.Exists(p => p(term)));
    }
}
