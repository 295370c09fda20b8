using System.Numerics;

namespace Gateway.EmbeddedStore.Search.Index;

/// <summary>
/// Elasticsearch's default similarity, <c>LegacyBM25Similarity</c> (k1 = 1.2, b = 0.75): Lucene's BM25 times the
/// (k1 + 1) factor that Lucene 8 dropped and Elasticsearch kept, so a keyword match scores its idf. The factor does not
/// change the order of text matches but does change how they add to kNN scores (hybrid search, <c>dis_max</c>,
/// <c>min_score</c>). Field lengths use Lucene's lossy one-byte encoding (SmallFloat.intToByte4).
/// </summary>
internal static class Bm25
{
    public const float K1 = 1.2f;
    public const float B = 0.75f;

    // 255 - longToInt4(int.MaxValue)
    private const int NumFreeValues = 24;

    public static float Idf(long docFreq, long docCount) =>
        (float)Math.Log(1 + ((docCount - docFreq + 0.5) / (docFreq + 0.5)));

    /// <summary>Score of one term in one document.</summary>
    public static float Score(float boost, float idf, int freq, int length, double avgLength) =>
        Score(boost, idf, (float)freq, length, avgLength);

    /// <summary>Score of one term with a weighted (fractional) frequency, as <c>combined_fields</c> sums them.</summary>
    public static float Score(float boost, float idf, float freq, int length, double avgLength)
    {
        var norm = K1 * ((1 - B) + (B * length / avgLength));
        return boost * idf * ((K1 + 1) * freq / (freq + (float)norm));
    }

    public static byte EncodeLength(int length)
    {
        if (length < NumFreeValues)
        {
            return (byte)length;
        }

        return (byte)(NumFreeValues + LongToInt4(length - NumFreeValues));
    }

    public static int DecodeLength(byte encoded)
    {
        int i = encoded;
        return i < NumFreeValues ? i : NumFreeValues + (int)Int4ToLong(i - NumFreeValues);
    }

    private static int LongToInt4(long i)
    {
        var numBits = 64 - BitOperations.LeadingZeroCount((ulong)i);
        if (numBits < 4)
        {
            return (int)i;
        }

        var shift = numBits - 4;
        var encoded = (int)((ulong)i >> shift) & 0x07;
        return encoded | ((shift + 1) << 3);
    }

    private static long Int4ToLong(int i)
    {
        long bits = i & 0x07;
        var shift = (i >> 3) - 1;
        return shift == -1 ? bits : (bits | 0x08) << shift;
    }
}
