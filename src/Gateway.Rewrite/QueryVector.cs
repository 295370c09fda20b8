namespace Gateway.Rewrite;

/// <summary>A query vector and where it came from, reported to clients in the response's <c>_gateway</c> object.</summary>
/// <param name="Vector">The L2-normalised query vector.</param>
/// <param name="Source">Where the vector came from: <c>prompt_ensemble</c>, <c>peak_prototype</c>, <c>text_with_peak</c>, <c>image</c>, <c>photo</c> or <c>blend</c>.</param>
/// <param name="Peak">The catalog peak whose prototype was used (text naming a peak, same_peak and blend modes).</param>
/// <param name="IdentifiedPeaks">For image queries, the peaks the image resembles, best first.</param>
/// <param name="EmbeddingMilliseconds">Time spent embedding (0 when the vector came from a cache or the index).</param>
public sealed record QueryVector(
    float[] Vector,
    string Source,
    string? Peak,
    IReadOnlyList<IdentifiedPeak> IdentifiedPeaks,
    double EmbeddingMilliseconds)
{
    /// <summary>For text naming a peak: the catalog name found in it (normalised).</summary>
    public string? MatchedName { get; init; }

    /// <summary>For text with a peak name among other words: the prototype's weight in the blend.</summary>
    public double? PeakWeight { get; init; }

    /// <summary>For image queries: the identification (result or unknown, the geometry rule and the peaks in frame).</summary>
    public Identification? Identification { get; init; }
}
