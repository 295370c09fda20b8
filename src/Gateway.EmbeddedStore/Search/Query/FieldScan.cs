using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>Turns postings into document bits and BM25 scores.</summary>
internal static class FieldScan
{
    /// <summary>Ordinals of the postings as bits, with BM25 scores when asked.</summary>
    public static DocResult Score(SearchContext context, TermIndex index, IEnumerable<Postings> postingsList, float boost, bool scoring, float[]? into = null)
    {
        var bits = new DocBits(context.MaxDoc);
        var scores = scoring ? into ?? context.Scores() : null;
        foreach (var postings in postingsList)
        {
            var idf = Bm25.Idf(postings.Ords.Length, index.DocCount);
            for (var i = 0; i < postings.Ords.Length; i++)
            {
                var ord = postings.Ords[i];
                bits.Set(ord);
                if (scores is not null)
                {
                    var length = index.HasNorms ? Bm25.DecodeLength(index.Norms[ord]) : 1;
                    scores[ord] += Bm25.Score(boost, idf, postings.Freqs[i], length, index.AverageLength);
                }
            }
        }

        return new DocResult(bits, scores, boost);
    }
}
