using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Analysis;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Explain;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>match</c>: analyses the text with the field's search analyzer and combines the terms with
/// <c>operator</c> (or/and) and <c>minimum_should_match</c>, summing BM25 scores. On keyword
/// fields the whole value is one term; on numeric, date and boolean fields it is a term query.
/// </summary>
internal sealed class MatchQuery : QueryNode
{
    public required string Field { get; init; }

    public required JsonNode? Text { get; init; }

    public bool AndOperator { get; init; }

    public string? MinimumShouldMatch { get; init; }

    public string? Analyzer { get; init; }

    public bool ZeroTermsAll { get; init; }

    public bool Lenient { get; init; }

    /// <summary>With <c>fuzziness</c>, each term is a fuzzy term (<see cref="FuzzyTerms"/>).</summary>
    public FuzzyOptions? Fuzzy { get; init; }

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms)
    {
        if (context.Field(Field) is not { Kind: FieldKind.Text or FieldKind.Keyword } field)
        {
            return;
        }

        var text = JsonValues.AsString(Text) ?? string.Empty;
        foreach (var term in field.Kind == FieldKind.Text ? StandardAnalyzer.Analyze(text, Analyzer ?? AnalyzerNames.ForSearch(field)) : [text])
        {
            terms.Add(Field, term);
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
            if (Lenient && (field.Kind is FieldKind.GeoPoint or FieldKind.DenseVector || !IsParsable(field, context)))
            {
                return DocResult.Empty(context.MaxDoc);
            }

            return new TermQuery(Field, [Text], false, false) { Boost = Boost }.Execute(context, scoring);
        }

        var text = JsonValues.AsString(Text) ?? string.Empty;
        var terms = field.Kind == FieldKind.Text
            ? StandardAnalyzer.Analyze(text, Analyzer ?? AnalyzerNames.ForSearch(field))
            : [text];
        if (terms.Count == 0)
        {
            return ZeroTermsAll ? new MatchAllQuery { Boost = Boost }.Execute(context, scoring) : DocResult.Empty(context.MaxDoc);
        }

        var index = TermIndex.For(context.Snapshot, Field);
        var required = AndOperator ? terms.Count : MinimumShouldMatchParser.Resolve(MinimumShouldMatch, terms.Count, 1);
        var scores = scoring ? context.Scores() : null;
        var counts = context.Counts();
        var any = new DocBits(context.MaxDoc);
        foreach (var term in terms)
        {
            DocBits matched;
            if (Fuzzy is { } fuzzy)
            {
                matched = fuzzy.For(term).Score(context, index, Boost, scores);
            }
            else if (index.Terms.TryGetValue(term, out var postings))
            {
                matched = FieldScan.Score(context, index, [postings], Boost, scoring, scores).Bits;
            }
            else
            {
                continue;
            }

            foreach (var ord in matched.Ordinals())
            {
                counts[ord]++;
            }

            any.Or(matched);
        }

        if (required > 1)
        {
            foreach (var ord in any.ToArray())
            {
                if (counts[ord] < required)
                {
                    any.Clear(ord);
                }
            }
        }

        return new DocResult(any, scores, Boost);
    }

    // Each analysed term is a BM25 term weight; several are summed as Lucene's boolean query of them is.
    public override Explanation Explain(QueryExplainer explainer, int ord)
    {
        if (Fuzzy is not null || explainer.Context.Field(Field) is not { Kind: FieldKind.Text or FieldKind.Keyword, Encoding: KeywordEncoding.Plain } field)
        {
            return explainer.Generic(this, ord, Field + ":" + JsonValues.AsString(Text));
        }

        var text = JsonValues.AsString(Text) ?? string.Empty;
        var terms = field.Kind == FieldKind.Text ? StandardAnalyzer.Analyze(text, Analyzer ?? AnalyzerNames.ForSearch(field)) : [text];
        if (terms.Count == 0)
        {
            return ZeroTermsAll ? new MatchAllQuery { Boost = Boost }.Explain(explainer, ord) : Explanation.NoMatch("no terms to match");
        }

        if (terms.Count == 1)
        {
            return TermWeightExplanation.Explain(explainer.Context, Field, terms[0], ord, Boost);
        }

        var matched = terms.Select(t => TermWeightExplanation.Explain(explainer.Context, Field, t, ord, Boost)).Where(e => e.IsMatch).ToList();
        var required = AndOperator ? terms.Count : MinimumShouldMatchParser.Resolve(MinimumShouldMatch, terms.Count, 1);
        if (matched.Count < Math.Max(required, 1))
        {
            return Explanation.NoMatch(matched.Count == 0 ? "No matching clauses" : "Failure to match minimum number of optional clauses: " + required, matched);
        }

        var sum = 0f;
        foreach (var e in matched)
        {
            sum += e.Value;
        }

        return Explanation.Match(sum, "sum of:", matched);
    }

    private bool IsParsable(FieldMapping field, SearchContext context)
    {
        try
        {
            QueryValues.ToNumber(field, Text, context);
            return true;
        }
        catch (Errors.StoreException)
        {
            return false;
        }
    }
}
