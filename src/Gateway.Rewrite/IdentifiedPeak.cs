namespace Gateway.Rewrite;

/// <summary>A catalog peak that an image resembles.</summary>
/// <param name="Id">The peak's catalog id (slug).</param>
/// <param name="Name">The peak's display name (first catalog name).</param>
/// <param name="Score">Cosine similarity between the image and the peak's prototype.</param>
/// <param name="Confidence">SigLIP probability: sigmoid(cos * exp(logit_scale) + logit_bias).</param>
public sealed record IdentifiedPeak(string Id, string Name, double Score, double Confidence)
{
    /// <summary>Whether geometry allows the peak (in range and, when known, in the field of view); null without GPS.</summary>
    public bool? InFrame { get; init; }
}
