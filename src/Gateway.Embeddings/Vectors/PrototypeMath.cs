using System.Numerics.Tensors;

namespace Gateway.Embeddings.Vectors;

/// <summary>
/// How a peak prototype and a text query vector are built from encoder outputs (DESIGN.md "The job"):
/// a prompt ensemble, minus a weighted anti-concept vector, normalised, then optionally blended with the
/// mean of reference photo vectors and normalised again. Inputs are expected to be unit vectors.
/// </summary>
public static class PrototypeMath
{
    /// <summary>normalise(mean(<paramref name="promptVectors"/>) − <paramref name="antiWeight"/> · <paramref name="antiConcept"/>).</summary>
    public static float[] TextPrototype(IReadOnlyList<float[]> promptVectors, ReadOnlySpan<float> antiConcept, float antiWeight)
    {
        var mean = VectorMath.Mean(promptVectors);
        if (!antiConcept.IsEmpty && antiWeight != 0)
        {
            if (antiConcept.Length != mean.Length)
            {
                throw new ArgumentException("anti-concept vector length differs from the prompt vectors", nameof(antiConcept));
            }

            TensorPrimitives.MultiplyAdd(antiConcept, -antiWeight, mean, mean);
        }

        VectorMath.NormalizeInPlace(mean);
        return mean;
    }

    /// <summary>
    /// normalise(<paramref name="textWeight"/> · text + <paramref name="imageWeight"/> · normalise(mean(images))); the
    /// text prototype alone when there are no reference images. The image mean is normalised first so that the
    /// weights mean the same whether a peak has one reference photo or three (a mean of unit vectors is shorter).
    /// </summary>
    public static float[] Blend(ReadOnlySpan<float> textPrototype, IReadOnlyList<float[]>? imageVectors, float textWeight, float imageWeight)
    {
        if (imageVectors is null || imageVectors.Count == 0)
        {
            return VectorMath.Normalized(textPrototype);
        }

        var images = VectorMath.Mean(imageVectors);
        if (images.Length != textPrototype.Length)
        {
            throw new ArgumentException("image vector length differs from the text prototype", nameof(imageVectors));
        }

        VectorMath.NormalizeInPlace(images);
        var blended = new float[textPrototype.Length];
        TensorPrimitives.Multiply(textPrototype, textWeight, blended);
        TensorPrimitives.MultiplyAdd(images, imageWeight, blended, blended);
        VectorMath.NormalizeInPlace(blended);
        return blended;
    }

    /// <summary>Each template with "{}" replaced by each name (templates × names, template-major).</summary>
    public static IReadOnlyList<string> ExpandPrompts(IReadOnlyList<string> names, IReadOnlyList<string> templates)
    {
        var prompts = new List<string>(names.Count * templates.Count);
        foreach (var template in templates)
        {
            foreach (var name in names)
            {
                prompts.Add(template.Replace("{}", name, StringComparison.Ordinal));
            }
        }

        return prompts;
    }
}
