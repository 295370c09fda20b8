using System.Numerics;
using System.Numerics.Tensors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>Elasticsearch's similarity functions and their score transforms, per element type (Lucene's formulas).</summary>
internal static class VectorScoring
{
    /// <summary>The raw similarity (cosine, dot product, or L2 distance) between two float vectors.</summary>
    public static float Similarity(VectorSimilarity similarity, ReadOnlySpan<float> query, ReadOnlySpan<float> doc) => similarity switch
    {
        VectorSimilarity.L2Norm => TensorPrimitives.Distance(query, doc),
        _ => TensorPrimitives.Dot(query, doc),
    };

    /// <summary>Turns a raw float similarity into the _score Elasticsearch reports.</summary>
    public static float Score(VectorSimilarity similarity, float raw) => similarity switch
    {
        VectorSimilarity.Cosine => Math.Max((1f + raw) / 2f, 0f),
        VectorSimilarity.DotProduct => Math.Max((1f + raw) / 2f, 0f),
        VectorSimilarity.L2Norm => 1f / (1f + (raw * raw)),
        VectorSimilarity.MaxInnerProduct => ScaleMaxInnerProduct(raw),
        _ => raw,
    };

    /// <summary>
    /// The score a <c>similarity</c> threshold of a kNN search stands for (Elasticsearch's VectorSimilarity.score):
    /// byte dot products are scaled by the dims, bit L2 thresholds are Hamming distances.
    /// </summary>
    public static float ThresholdScore(VectorSimilarity similarity, VectorElementType element, float threshold, int dims) => (similarity, element) switch
    {
        (VectorSimilarity.L2Norm, VectorElementType.Bit) => (dims - threshold) / dims,
        (VectorSimilarity.DotProduct, VectorElementType.Byte) => 0.5f + (threshold / (float)(dims * (1 << 15))),
        _ => Score(similarity, threshold),
    };

    public static float ExactScore(VectorSimilarity similarity, ReadOnlySpan<float> query, ReadOnlySpan<float> doc) =>
        similarity == VectorSimilarity.L2Norm ? 1f / (1f + SquareDistance(query, doc)) : Score(similarity, Similarity(similarity, query, doc));

    // Lucene scores L2 from the float square distance; squaring the rounded distance would be one ulp off at times.
    private static float SquareDistance(ReadOnlySpan<float> query, ReadOnlySpan<float> doc)
    {
        Span<float> difference = query.Length <= 1024 ? stackalloc float[query.Length] : new float[query.Length];
        TensorPrimitives.Subtract(query, doc, difference);
        return TensorPrimitives.SumOfSquares<float>(difference);
    }

    /// <summary>The exact score for a field of <paramref name="element"/> (byte and bit values are held as floats).</summary>
    public static float ExactScore(VectorSimilarity similarity, VectorElementType element, ReadOnlySpan<float> query, ReadOnlySpan<float> doc) => element switch
    {
        VectorElementType.Byte => ByteScore(similarity, query, doc),
        VectorElementType.Bit => HammingScore(query, doc),
        _ => ExactScore(similarity, query, doc),
    };

    /// <summary>Lucene's VectorSimilarityFunction over byte vectors (integer sums, as Lucene computes them).</summary>
    public static float ByteScore(VectorSimilarity similarity, ReadOnlySpan<float> query, ReadOnlySpan<float> doc)
    {
        long dot = 0, squareDistance = 0, queryNorm = 0, docNorm = 0;
        for (var i = 0; i < query.Length; i++)
        {
            var a = (int)query[i];
            var b = (int)doc[i];
            dot += a * b;
            squareDistance += (a - b) * (a - b);
            queryNorm += a * a;
            docNorm += b * b;
        }

        return similarity switch
        {
            VectorSimilarity.L2Norm => 1f / (1f + squareDistance),
            VectorSimilarity.DotProduct => 0.5f + (dot / (float)(query.Length * (1 << 15))),
            VectorSimilarity.Cosine => (1f + (float)(dot / Math.Sqrt((double)queryNorm * docNorm))) / 2f,
            VectorSimilarity.MaxInnerProduct => ScaleMaxInnerProduct(dot),
            _ => dot,
        };
    }

    /// <summary>Elasticsearch's bit-vector score: (bits − Hamming distance) / bits.</summary>
    public static float HammingScore(ReadOnlySpan<float> query, ReadOnlySpan<float> doc)
    {
        var distance = 0;
        for (var i = 0; i < query.Length; i++)
        {
            distance += BitOperations.PopCount((uint)(((int)query[i] ^ (int)doc[i]) & 0xFF));
        }

        var bits = query.Length * 8;
        return (bits - distance) / (float)bits;
    }

    private static float ScaleMaxInnerProduct(float raw) => raw < 0 ? 1f / (1f - raw) : raw + 1f;
}
