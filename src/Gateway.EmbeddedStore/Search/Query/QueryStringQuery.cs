using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// A small subset of Lucene query syntax for <c>q=</c> and <c>query_string</c>: whitespace-separated
/// clauses, each <c>field:value</c> or a bare value (searched in the default field, or in every
/// text and keyword field), combined with OR (or AND with <c>default_operator=AND</c>).
/// A clause prefixed with <c>+</c> is required, with <c>-</c> excluded; <c>AND</c> between two clauses requires
/// both, <c>NOT</c> excludes the next one; a backslash escapes the next character; <c>*</c> alone matches all.
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
        var clauses = new List<(QueryNode Clause, List<QueryNode> Target)>();
        var and = false;
        var not = false;
        foreach (var raw in Query.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (raw)
            {
                // Lucene's boolean operators: AND makes both sides required, NOT excludes the next clause.
                case "AND":
                    if (clauses.Count > 0 && clauses[^1].Target == query.Should)
                    {
                        clauses[^1] = (clauses[^1].Clause, query.Must);
                    }

                    and = true;
                    continue;
                case "OR":
                    continue;
                case "NOT":
                    not = true;
                    continue;
            }

            if (raw is "*" or "*:*")
            {
                clauses.Add((new MatchAllQuery(), query.Should));
                continue;
            }

            var token = raw.TrimStart('+', '-');
            var colon = UnescapedColon(token);
            QueryNode clause;
            if (colon > 0)
            {
                var field = token[..colon];
                var rawValue = token[(colon + 1)..];
                var value = Unescape(rawValue.Trim('"'));
                clause = value == "*" ? new ExistsQuery(field) : Term(context, field, rawValue, value);
            }
            else
            {
                var fields = DefaultField is { } df && df != "*"
                    ? [df]
                    : context.Mapping.Fields.Where(f => f.Kind is FieldKind.Text or FieldKind.Keyword).Select(f => f.Path).ToList();
                var text = Unescape(token.Trim('"'));
                clause = new CombinedQuery(fields.Select(f => Term(context, f, token, text)).ToList(), sum: false, tieBreaker: 0);
            }

            var target = raw.StartsWith('-') || not ? query.MustNot
                : raw.StartsWith('+') || AndOperator || and ? query.Must
                : query.Should;
            clauses.Add((clause, target));
            and = false;
            not = false;
        }

        foreach (var (clause, target) in clauses)
        {
            target.Add(clause);
        }

        return query;
    }

    // A term with an unescaped * or ? (not quoted) is a wildcard (a prefix when it ends in its only *), normalised as
    // the field's analyzer would (lower-cased on text fields) and scoring the boost, as Lucene's query parser builds it.
    private static QueryNode Term(SearchContext context, string field, string raw, string value)
    {
        if (!raw.StartsWith('"') && HasUnescapedWildcard(raw))
        {
            var pattern = context.Field(field)?.Kind == FieldKind.Text ? Unescape(raw).ToLowerInvariant() : Unescape(raw);
            var prefix = pattern.IndexOfAny(['*', '?']) == pattern.Length - 1 && pattern.EndsWith('*');
            return new PatternQuery(field, prefix ? pattern[..^1] : pattern, prefix, caseInsensitive: false);
        }

        return new MatchQuery { Field = field, Text = value, Lenient = true };
    }

    private static bool HasUnescapedWildcard(string token)
    {
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '\\')
            {
                i++;
            }
            else if (token[i] is '*' or '?')
            {
                return true;
            }
        }

        return false;
    }

    private static int UnescapedColon(string token)
    {
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '\\')
            {
                i++;
            }
            else if (token[i] == ':')
            {
                return i;
            }
        }

        return -1;
    }

    // A backslash makes the next character literal (text\/plain is text/plain).
    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }
}
