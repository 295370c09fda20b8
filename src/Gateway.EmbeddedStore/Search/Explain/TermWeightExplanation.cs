using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Explain;

/// <summary>
/// The BM25 explanation of one term in one document, as Elasticsearch's <c>LegacyBM25Similarity</c> reports it
/// (the boost shown is the query boost times k1 + 1, the factor Elasticsearch kept).
/// </summary>
internal static class TermWeightExplanation
{
    public static Explanation Explain(SearchContext context, string field, string term, int ord, float boost)
    {
        var index = TermIndex.For(context.Snapshot, field);
        var weight = "weight(" + field + ":" + term + " in " + ord + ") [PerFieldSimilarity]";
        if (!index.Terms.TryGetValue(term, out var postings) || Array.BinarySearch(postings.Ords, ord) is var at && at < 0)
        {
            return Explanation.NoMatch("no matching term");
        }

        var freq = postings.Freqs[at];
        var idf = Bm25.Idf(postings.Ords.Length, index.DocCount);
        var length = index.HasNorms ? Bm25.DecodeLength(index.Norms[ord]) : 1;
        var score = Bm25.Score(boost, idf, freq, length, index.AverageLength);
        var idfExplanation = Explanation.Match(idf, "idf, computed as log(1 + (N - n + 0.5) / (n + 0.5)) from:",
            Explanation.Match(postings.Ords.Length, "n, number of documents containing term"),
            Explanation.Match(index.DocCount, "N, total number of documents with field"));
        var freqExplanation = Explanation.Match(freq, "freq, occurrences of term within document");
        var k1 = Explanation.Match(Bm25.K1, "k1, term saturation parameter");
        var norm = (float)(Bm25.K1 * ((1 - Bm25.B) + (Bm25.B * length / index.AverageLength)));
        var tfExplanation = index.HasNorms
            ? Explanation.Match(freq / (freq + norm), "tf, computed as freq / (freq + k1 * (1 - b + b * dl / avgdl)) from:",
                freqExplanation, k1,
                Explanation.Match(Bm25.B, "b, length normalization parameter"),
                Explanation.Match(length, "dl, length of field"),
                Explanation.Match((float)index.AverageLength, "avgdl, average length of field"))
            : Explanation.Match(freq / (freq + Bm25.K1), "tf, computed as freq / (freq + k1) from:", freqExplanation, k1);
        return Explanation.Match(score, weight + ", result of:",
            Explanation.Match(score, "score(freq=" + QueryExplainer.JavaFloat(freq) + "), computed as boost * idf * tf from:",
                Explanation.Match(boost * (Bm25.K1 + 1), "boost"),
                idfExplanation,
                tfExplanation));
    }
}
