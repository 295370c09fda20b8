using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Analysis;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>match_bool_prefix</c> (and each field of a <c>multi_match</c> of type <c>bool_prefix</c>): the analysed terms
/// as a boolean <c>should</c> query in which every term but the last is a term query (a fuzzy one with
/// <c>fuzziness</c>) and the last is a prefix query scoring a constant 1; <c>operator</c> and
/// <c>minimum_should_match</c> apply to those clauses. A keyword field's whole value is one prefix; other field
/// types take the value as a term query, as Elasticsearch does.
/// </summary>
internal sealed class MatchBoolPrefixQuery : QueryNode
{
    public required string Field { get; init; }

    public required string Text { get; init; }

    public string? Analyzer { get; init; }

    public bool AndOperator { get; init; }

    public string? MinimumShouldMatch { get; init; }

    public FuzzyOptions? Fuzzy { get; init; }

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms)
    {
        if (context.Field(Field) is not { Kind: FieldKind.Text or FieldKind.Keyword } field)
        {
            return;
        }

        var tokens = Tokens(field);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i == tokens.Count - 1)
            {
                terms.AddPattern(Field, t => t.StartsWith(token, StringComparison.Ordinal));
            }
            else
            {
                terms.Add(Field, token);
            }
        }
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var field = context.Field(Field);
        if (field is null)
        {
            return DocResult.Empty(context.MaxDoc);
        }

        if (field.Kind is not (FieldKind.Text or FieldKind.Keyword))
        {
            return new TermQuery(Field, [Text], false, false) { Boost = Boost }.Execute(context, scoring);
        }

        var tokens = Tokens(field);
        if (tokens.Count == 0)
        {
            return DocResult.Empty(context.MaxDoc);
        }

        var index = TermIndex.For(context.Snapshot, Field);
        var scores = scoring ? context.Scores() : null;
        var counts = context.Counts();
        var any = new DocBits(context.MaxDoc);
        for (var i = 0; i < tokens.Count; i++)
        {
            var matched = i == tokens.Count - 1
                ? Prefix(context, index, tokens[i], scores)
                : Term(context, index, tokens[i], scores);
            foreach (var ord in matched.Ordinals())
            {
                counts[ord]++;
            }

            any.Or(matched);
        }

        var required = AndOperator ? tokens.Count : MinimumShouldMatchParser.Resolve(MinimumShouldMatch, tokens.Count, 1);
        foreach (var ord in any.ToArray())
        {
            if (counts[ord] < required)
            {
                any.Clear(ord);
            }
            else if (scores is not null)
            {
                scores[ord] *= Boost;
            }
        }

        return new DocResult(any, scores, Boost);
    }

    private List<string> Tokens(FieldMapping field) =>
        Analyzer is null && field.Kind == FieldKind.Keyword
            ? [Text]
            : StandardAnalyzer.Analyze(Text, Analyzer ?? AnalyzerNames.ForSearch(field));

    private DocBits Term(SearchContext context, TermIndex index, string token, float[]? scores)
    {
        if (Fuzzy is { } fuzzy)
        {
            return fuzzy.For(token).Score(context, index, 1f, scores);
        }

        return index.Terms.TryGetValue(token, out var postings)
            ? FieldScan.Score(context, index, [postings], 1f, scores is not null, scores).Bits
            : new DocBits(context.MaxDoc);
    }

    private static DocBits Prefix(SearchContext context, TermIndex index, string prefix, float[]? scores)
    {
        var bits = new DocBits(context.MaxDoc);
        foreach (var (term, postings) in index.Terms)
        {
            if (!term.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var ord in postings.Ords)
            {
                bits.Set(ord);
            }
        }

        if (scores is not null)
        {
            foreach (var ord in bits.Ordinals())
            {
                scores[ord] += 1f;
            }
        }

        return bits;
    }
}
