using System.Globalization;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// A multi-term query's <c>rewrite</c> / <c>fuzzy_rewrite</c> (Elasticsearch's <c>QueryParsers.parseRewriteMethod</c>):
/// how the expanded terms score. <c>constant_score</c>, <c>constant_score_boolean</c> and
/// <c>constant_score_blended</c> give every match the query's boost; <c>scoring_boolean</c> sums the terms' BM25
/// scores; <c>top_terms_N</c> does so for the N best terms, <c>top_terms_boost_N</c> sums only their boosts and
/// <c>top_terms_blended_freqs_N</c> (a fuzzy query's default) scores them with one blended document frequency.
/// </summary>
internal sealed record RewriteMethod(RewriteScoring Scoring, int MaxTerms)
{
    public static RewriteMethod BlendedFreqs(int maxTerms) => new(RewriteScoring.BlendedFreqs, maxTerms);

    public static RewriteMethod Parse(string value)
    {
        switch (value)
        {
            case "constant_score" or "constant_score_boolean" or "constant_score_blended":
                return new RewriteMethod(RewriteScoring.Constant, int.MaxValue);
            case "scoring_boolean":
                return new RewriteMethod(RewriteScoring.Scores, int.MaxValue);
        }

        foreach (var (prefix, scoring) in new[] { ("top_terms_blended_freqs_", RewriteScoring.BlendedFreqs), ("top_terms_boost_", RewriteScoring.Boosts), ("top_terms_", RewriteScoring.Scores) })
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                if (!int.TryParse(value[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                {
                    throw StoreException.IllegalArgument("Failed to parse rewrite_method [" + value + "]");
                }

                return new RewriteMethod(scoring, size);
            }
        }

        throw StoreException.IllegalArgument("Failed to parse rewrite_method [" + value + "]");
    }
}
