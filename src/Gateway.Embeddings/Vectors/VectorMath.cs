using System.Numerics.Tensors;

namespace Gateway.Embeddings.Vectors;

/// <summary>Small, pure vector operations on embeddings.</summary>
public static class VectorMath
{
    /// <summary>Scales <paramref name="vector"/> in place to unit length; a zero vector stays zero.</summary>
    public static void NormalizeInPlace(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm((ReadOnlySpan<float>)vector);
        if (norm > 0 && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    /// <summary>A unit-length copy of <paramref name="vector"/>.</summary>
    public static float[] Normalized(ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        NormalizeInPlace(copy);
        return copy;
    }

    /// <summary>Dot product; the cosine similarity for unit vectors.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    /// <summary>Cosine similarity of two vectors of any length.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.CosineSimilarity(a, b);

    /// <summary>
    /// normalise(w·<paramref name="first"/> + (1 − w)·<paramref name="second"/>), as the query modes blend a peak's
    /// prototype with an image or text vector; the first vector alone when the sum vanishes (opposite vectors).
    /// </summary>
    public static float[] Blend(ReadOnlySpan<float> first, ReadOnlySpan<float> second, double firstWeight)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException($"vectors of {first.Length} and {second.Length} dimensions cannot be blended", nameof(second));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(firstWeight, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstWeight, 1.0);
        var blend = new float[first.Length];
        TensorPrimitives.Multiply(second, (float)(1 - firstWeight), blend);
        TensorPrimitives.MultiplyAdd(first, (float)firstWeight, blend, blend);
        if (TensorPrimitives.Norm((ReadOnlySpan<float>)blend) <= 1e-6f)
        {
            return first.ToArray();
        }

        NormalizeInPlace(blend);
        return blend;
    }

    /// <summary>Element-wise mean of equally long vectors.</summary>
    public static float[] Mean(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
        {
            throw new ArgumentException("at least one vector is needed", nameof(vectors));
        }

        var sum = new float[vectors[0].Length];
        foreach (var v in vectors)
        {
            if (v.Length != sum.Length)
            {
                throw new ArgumentException($"vectors differ in length ({v.Length} vs {sum.Length})", nameof(vectors));
            }

            TensorPrimitives.Add(sum, v, sum);
        }

        TensorPrimitives.Divide(sum, vectors.Count, sum);
        return sum;
    }

    /// <summary>
    /// The SigLIP match probability of an image-text pair: sigmoid(cos · exp(logitScale) + logitBias), where
    /// <paramref name="logitScale"/> is the model's stored log-scale (SigLIP trains t' and uses t = exp(t');
    /// transformers <c>modeling_siglip.py</c>: <c>logits_per_text = text_embeds @ image_embeds.T * logit_scale.exp() + logit_bias</c>).
    /// SigLIP scores are independent sigmoids, not a softmax over candidates.
    /// </summary>
    public static double SiglipScore(double cosine, double logitScale, double logitBias) =>
        1.0 / (1.0 + Math.Exp(-((cosine * Math.Exp(logitScale)) + logitBias)));
}
