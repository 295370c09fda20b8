using System.Globalization;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Analysis;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// <c>combined_fields</c> (Lucene's <c>CombinedFieldQuery</c>, BM25F): the text fields are scored as one field. Per
/// term, the frequency is the boost-weighted sum of the fields' frequencies, the document frequency the largest of
/// the fields'; the length is the weighted sum of the fields' lengths (encoded as a norm), the average length the
/// weighted sum of the fields' total term frequencies over the largest document count. <c>operator</c> and
/// <c>minimum_should_match</c> apply to the terms. Every field must be a text field with the same search analyzer;
/// field patterns (<c>text*</c>) expand to the text fields they match.
/// </summary>
internal sealed class CombinedFieldsQuery : QueryNode
{
    public required IReadOnlyList<string> Fields { get; init; }

    public required string Text { get; init; }

    public bool AndOperator { get; init; }

    public string? MinimumShouldMatch { get; init; }

    public bool ZeroTermsAll { get; init; }

    public override void CollectTerms(SearchContext context, Highlight.HighlightTerms terms)
    {
        var fields = Resolve(context);
        if (fields.Count == 0)
        {
            return;
        }

        foreach (var term in StandardAnalyzer.Analyze(Text, AnalyzerNames.ForSearch(fields[0].Mapping)))
        {
            foreach (var (mapping, _) in fields)
            {
                terms.Add(mapping.Path, term);
            }
        }
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var fields = Resolve(context);
        if (fields.Count == 0)
        {
            return DocResult.Empty(context.MaxDoc);
        }

        var analyzer = AnalyzerNames.ForSearch(fields[0].Mapping);
        if (fields.Any(f => AnalyzerNames.ForSearch(f.Mapping) != analyzer))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("All fields in [combined_fields] query must have the same search analyzer"));
        }

        var terms = StandardAnalyzer.Analyze(Text, analyzer);
        if (terms.Count == 0)
        {
            return ZeroTermsAll ? new MatchAllQuery { Boost = Boost }.Execute(context, scoring) : DocResult.Empty(context.MaxDoc);
        }

        var indexes = fields.Select(f => (Index: TermIndex.For(context.Snapshot, f.Mapping.Path), f.Weight)).ToList();
        var docCount = indexes.Max(i => i.Index.DocCount);
        var avgLength = docCount == 0 ? 1 : indexes.Sum(i => i.Weight * i.Index.SumTotalTermFreq) / docCount;
        var scores = scoring ? context.Scores() : null;
        var counts = context.Counts();
        var any = new DocBits(context.MaxDoc);
        foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            var term = group.Key;
            var repeats = group.Count();
            var postings = indexes.Select(i => (i.Index, i.Weight, Postings: i.Index.Terms.GetValueOrDefault(term))).Where(p => p.Postings is not null).ToList();
            if (postings.Count == 0)
            {
                continue;
            }

            var idf = Bm25.Idf(postings.Max(p => p.Postings!.Ords.Length), docCount);
            var freqs = new Dictionary<int, float>();
            foreach (var (_, weight, list) in postings)
            {
                for (var i = 0; i < list!.Ords.Length; i++)
                {
                    freqs[list.Ords[i]] = freqs.GetValueOrDefault(list.Ords[i]) + (weight * list.Freqs[i]);
                }
            }

            foreach (var (ord, freq) in freqs)
            {
                any.Set(ord);
                counts[ord] += repeats;
                if (scores is not null)
                {
                    scores[ord] += repeats * Bm25.Score(Boost, idf, freq, Length(indexes, ord), avgLength);
                }
            }
        }

        var required = AndOperator ? terms.Count : MinimumShouldMatchParser.Resolve(MinimumShouldMatch, terms.Count, 1);
        foreach (var ord in any.ToArray())
        {
            if (counts[ord] < required)
            {
                any.Clear(ord);
            }
        }

        return new DocResult(any, scores, Boost);
    }

    // Lucene's MultiNormsLeafSimScorer: the weighted sum of the decoded lengths, encoded again as one norm.
    private static int Length(List<(TermIndex Index, float Weight)> indexes, int ord)
    {
        var sum = 0f;
        foreach (var (index, weight) in indexes)
        {
            if (index.Norms.Length > ord && index.Norms[ord] != 0)
            {
                sum += weight * Bm25.DecodeLength(index.Norms[ord]);
            }
        }

        return Bm25.DecodeLength(Bm25.EncodeLength((int)MathF.Round(sum)));
    }

    private List<(FieldMapping Mapping, float Weight)> Resolve(SearchContext context)
    {
        var resolved = new List<(FieldMapping Mapping, float Weight)>();
        foreach (var spec in Fields)
        {
            var caret = spec.IndexOf('^', StringComparison.Ordinal);
            var pattern = caret < 0 ? spec : spec[..caret];
            var weight = caret < 0 ? 1f : float.Parse(spec[(caret + 1)..], CultureInfo.InvariantCulture);
            if (weight < 1f)
            {
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("[combined_fields] requires field boosts to be >= 1.0"));
            }

            if (pattern.Contains('*', StringComparison.Ordinal))
            {
                resolved.AddRange(context.Mapping.Fields.Where(f => f.Kind == FieldKind.Text && Wildcard.Matches(pattern, f.Path)).Select(f => (f, weight)));
                continue;
            }

            if (context.Field(pattern) is not { } field)
            {
                continue;
            }

            if (field.Kind != FieldKind.Text)
            {
                throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("Field [" + field.Path + "] of type [" + Mapping.FieldMappings.TypeName(field) + "] does not support [combined_fields] queries"));
            }

            resolved.Add((field, weight));
        }

        return resolved;
    }
}
