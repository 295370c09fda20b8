using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// A small subset of Lucene query syntax for <c>q=</c> and <c>query_string</c>: whitespace-separated
/// clauses, each <c>field:value</c> or a bare value (searched in the default field, or in every
/// text and keyword field), combined with OR (or AND with <c>default_operator=AND</c>).
/// A clause prefixed with <c>+</c> is required, with <c>-</c> excluded; <c>*</c> alone matches all.
/// </summary>
internal sealed class QueryStringQuery : QueryNode
{
    public QueryStringQuery(string query, string? defaultField, bool andOperator)
    {
        Query = query;
        DefaultField = defaultField;
        AndOperator = andOperator;
    }

    public string Query { get; }

    public string? DefaultField { get; }

    public bool AndOperator { get; }

    /// <summary>How many of the optional clauses must match (<c>minimum_should_match</c>).</summary>
    public string? MinimumShouldMatch { get; init; }

    public static QueryStringQuery FromUrl(string q, string? df, string? op) =>
        new(q, df, string.Equals(op, "and", StringComparison.OrdinalIgnoreCase));

    public override DocResult Execute(SearchContext context, bool scoring) => Build(context).Execute(context, scoring);

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms) => Build(context).CollectTerms(context, terms);

    private BoolQuery Build(SearchContext context)
    {
        var query = new BoolQuery { Boost = Boost, MinimumShouldMatch = MinimumShouldMatch };
        foreach (var raw in Query.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw is "*" or "*:*")
            {
                query.Should.Add(new MatchAllQuery());
                continue;
            }

            var token = raw.TrimStart('+', '-');
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            QueryNode clause;
            if (colon > 0)
            {
                var field = token[..colon];
                var value = token[(colon + 1)..].Trim('"');
                clause = value == "*" ? new ExistsQuery(field) : new MatchQuery { Field = field, Text = value, Lenient = true };
            }
            else
            {
                var fields = DefaultField is { } df && df != "*"
                    ? [df]
                    : context.Mapping.Fields.Where(f => f.Kind is FieldKind.Text or FieldKind.Keyword).Select(f => f.Path).ToList();
                clause = new CombinedQuery(fields.Select(f => (QueryNode)new MatchQuery { Field = f, Text = token.Trim('"'), Lenient = true }).ToList(), sum: false, tieBreaker: 0);
            }

            if (raw.StartsWith('-'))
            {
                query.MustNot.Add(clause);
            }
            else if (raw.StartsWith('+') || AndOperator)
            {
                query.Must.Add(clause);
            }
            else
            {
                query.Should.Add(clause);
            }
        }

        return query;
    }
}
