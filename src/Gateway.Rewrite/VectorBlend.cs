namespace Gateway.Rewrite;

/// <summary>Weighted blends of unit vectors, as the query modes use them.</summary>
public static class VectorBlend
{
    /// <summary>normalise(w·<paramref name="first"/> + (1 − w)·<paramref name="second"/>); the first vector alone when the sum vanishes.</summary>
    public static float[] Weighted(ReadOnlySpan<float> first, ReadOnlySpan<float> second, double firstWeight)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException($"vectors of {first.Length} and {second.Length} dimensions cannot be blended", nameof(second));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(firstWeight, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstWeight, 1.0);
        var w = (float)firstWeight;
        var blend = new float[first.Length];
        var norm = 0.0;
        for (var i = 0; i < blend.Length; i++)
        {
            blend[i] = (w * first[i]) + ((1 - w) * second[i]);
            norm += blend[i] * (double)blend[i];
        }

        if (norm <= 1e-12)
        {
            return first.ToArray();
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < blend.Length; i++)
        {
            blend[i] *= scale;
        }

        return blend;
    }
}
