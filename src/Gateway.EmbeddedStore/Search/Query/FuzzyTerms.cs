using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// A fuzzy term (Lucene's <c>FuzzyQuery</c>): the indexed terms within the edit distance, each boosted by
/// <c>1 − edits / min(length of term, length of query term)</c>, the <see cref="RewriteMethod"/>'s best
/// <c>max_expansions</c> kept (highest boost, then term order), scored as the rewrite method says.
/// </summary>
internal sealed class FuzzyTerms
{
    public required string Term { get; init; }

    public required int Edits { get; init; }

    public int PrefixLength { get; init; }

    public bool Transpositions { get; init; } = true;

    public required RewriteMethod Rewrite { get; init; }

    /// <summary>The expanded terms with their boosts.</summary>
    public List<(string Term, Postings Postings, float Boost)> Expand(TermIndex index)
    {
        var termLength = Term.EnumerateRunes().Count();
        var found = new List<(string Term, Postings Postings, float Boost)>();
        foreach (var (candidate, postings) in index.Terms)
        {
            var edits = Edits == 0
                ? (string.Equals(candidate, Term, StringComparison.Ordinal) ? 0 : -1)
                : EditDistance.Compute(Term, candidate, Edits, PrefixLength, Transpositions);
            if (edits < 0)
            {
                continue;
            }

            var length = Math.Min(termLength, candidate.EnumerateRunes().Count());
            found.Add((candidate, postings, edits == 0 ? 1f : 1f - ((float)edits / Math.Max(length, 1))));
        }

        return found
            .OrderByDescending(t => t.Boost)
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(Rewrite.MaxTerms)
            .ToList();
    }

    /// <summary>Adds the fuzzy term's score to <paramref name="scores"/> (when scoring) and returns its matches.</summary>
    public DocBits Score(SearchContext context, TermIndex index, float boost, float[]? scores)
    {
        var bits = new DocBits(context.MaxDoc);
        var terms = Expand(index);
        var blendedDf = terms.Count == 0 ? 0 : terms.Max(t => t.Postings.Ords.Length);
        foreach (var (_, postings, termBoost) in terms)
        {
            var df = Rewrite.Scoring == RewriteScoring.BlendedFreqs ? blendedDf : postings.Ords.Length;
            var idf = Bm25.Idf(df, index.DocCount);
            for (var i = 0; i < postings.Ords.Length; i++)
            {
                var ord = postings.Ords[i];
                var first = !bits[ord];
                bits.Set(ord);
                if (scores is null)
                {
                    continue;
                }

                switch (Rewrite.Scoring)
                {
                    case RewriteScoring.Constant:
                        scores[ord] += first ? boost : 0;
                        break;
                    case RewriteScoring.Boosts:
                        scores[ord] += boost * termBoost;
                        break;
                    default:
                        var length = index.HasNorms ? Bm25.DecodeLength(index.Norms[ord]) : 1;
                        scores[ord] += Bm25.Score(boost * termBoost, idf, postings.Freqs[i], length, index.AverageLength);
                        break;
                }
            }
        }

        return bits;
    }
}
