using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>multi_match</c> (best_fields, most_fields, bool_prefix): a match (or match_bool_prefix) per field (patterns with <c>*</c> and
/// <c>^boost</c> expand against the mapping), combined as dis_max with tie_breaker or as a sum.
/// </summary>
internal sealed class MultiMatchQuery : QueryNode
{
    private readonly IReadOnlyList<string> _fields;
    private readonly JsonNode _text;
    private readonly bool _and;
    private readonly string? _msm;
    private readonly bool _sum;
    private readonly float _tie;
    private readonly bool _lenient;

    public MultiMatchQuery(IReadOnlyList<string> fields, JsonNode text, bool andOperator, string? msm, bool sum, float tie, bool lenient)
    {
        _fields = fields;
        _text = text;
        _and = andOperator;
        _msm = msm;
        _sum = sum;
        _tie = tie;
        _lenient = lenient;
    }

    /// <summary>Builds the clause of one field with its boost (<c>bool_prefix</c>); a <c>match</c> otherwise.</summary>
    public Func<string, float, QueryNode>? Clause { get; init; }

    public string? Analyzer { get; init; }

    public FuzzyOptions? Fuzzy { get; init; }

    public override DocResult Execute(SearchContext context, bool scoring) =>
        new CombinedQuery(Clauses(context), _sum, _tie) { Boost = Boost }.Execute(context, scoring);

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms)
    {
        foreach (var clause in Clauses(context))
        {
            clause.CollectTerms(context, terms);
        }
    }

    private List<QueryNode> Clauses(SearchContext context)
    {
        var clauses = new List<QueryNode>();
        foreach (var spec in _fields)
        {
            var caret = spec.IndexOf('^', StringComparison.Ordinal);
            var pattern = caret < 0 ? spec : spec[..caret];
            var boost = caret < 0 ? 1f : float.Parse(spec[(caret + 1)..], CultureInfo.InvariantCulture);
            var wildcard = pattern.Contains('*', StringComparison.Ordinal);
            var matches = wildcard
                ? context.Mapping.Fields.Where(f => f.Kind is FieldKind.Text or FieldKind.Keyword && Wildcard.Matches(pattern, f.Path)).Select(f => f.Path)
                : [pattern];
            foreach (var field in matches)
            {
                clauses.Add(Clause?.Invoke(field, boost)
                    ?? new MatchQuery { Field = field, Text = _text, AndOperator = _and, MinimumShouldMatch = _msm, Lenient = _lenient || wildcard, Boost = boost, Analyzer = Analyzer, Fuzzy = Fuzzy });
            }
        }

        return clauses;
    }
}
