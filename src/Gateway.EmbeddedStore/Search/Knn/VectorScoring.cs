using System.Numerics.Tensors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>Elasticsearch's similarity functions and their score transforms.</summary>
internal static class VectorScoring
{
    /// <summary>The raw similarity (cosine, dot product, or L2 distance) between two vectors.</summary>
    public static float Similarity(VectorSimilarity similarity, ReadOnlySpan<float> query, ReadOnlySpan<float> doc) => similarity switch
    {
        VectorSimilarity.L2Norm => TensorPrimitives.Distance(query, doc),
        _ => TensorPrimitives.Dot(query, doc),
    };

    /// <summary>Turns a raw similarity into the _score Elasticsearch reports.</summary>
    public static float Score(VectorSimilarity similarity, float raw) => similarity switch
    {
        VectorSimilarity.Cosine => Math.Max((1f + raw) / 2f, 0f),
        VectorSimilarity.DotProduct => Math.Max((1f + raw) / 2f, 0f),
        VectorSimilarity.L2Norm => 1f / (1f + (raw * raw)),
        VectorSimilarity.MaxInnerProduct => raw < 0 ? 1f / (1f - raw) : raw + 1f,
        _ => raw,
    };

    public static float ExactScore(VectorSimilarity similarity, ReadOnlySpan<float> query, ReadOnlySpan<float> doc) =>
        Score(similarity, Similarity(similarity, query, doc));
}
