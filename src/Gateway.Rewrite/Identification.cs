namespace Gateway.Rewrite;

/// <summary>What an image was identified as, with vision and the geometry of its EXIF (or its stored photo's).</summary>
/// <param name="Peaks">The best candidates, best first; listed also when the answer is unknown.</param>
/// <param name="PeakId">The identified peak, or null for "unknown" (best score under the threshold, or no peak possible).</param>
/// <param name="Rule">Which geometry applied: <c>vision</c> (no GPS), <c>range</c> or <c>field_of_view</c>.</param>
/// <param name="PeaksInFrame">The peaks geometry puts in the frame, nearest first; empty without GPS.</param>
/// <param name="Threshold">The score the best possible peak had to reach.</param>
public sealed record Identification(IReadOnlyList<IdentifiedPeak> Peaks, string? PeakId, string Rule, IReadOnlyList<PeakInFrame> PeaksInFrame, double Threshold)
{
    /// <summary>The answer when there is no catalog to identify against.</summary>
    public static Identification None { get; } = new([], null, "vision", [], 0);

    /// <summary>True when the answer is "unknown" rather than a peak.</summary>
    public bool IsUnknown => PeakId is null;

    /// <summary>The identified peak's entry among <see cref="Peaks"/>, if any.</summary>
    public IdentifiedPeak? Best => PeakId is null ? null : Peaks.FirstOrDefault(p => p.Id == PeakId);
}
