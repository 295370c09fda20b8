namespace Gateway.Photos.Identification;

/// <summary>What vision and geometry conclude about a photo.</summary>
/// <param name="Predicted">The identified peaks, best first (at most <see cref="Ingestion.PhotosOptions.MaxPredictedPeaks"/>);
/// empty when the answer is unknown.</param>
/// <param name="Candidates">Every ranked peak, best first: the eligible ones by rank score, then (in
/// <see cref="GeometryMode.Restrict"/> mode) the impossible ones by vision score, so an unknown answer still lists them.</param>
/// <param name="Frame">The geometry that applied.</param>
/// <param name="BestScore">The best eligible rank score (the one compared with the threshold), or null when no peak is eligible.</param>
public sealed record PeakChoice(IReadOnlyList<RankedPeak> Predicted, IReadOnlyList<RankedPeak> Candidates, PeakFrame Frame, double? BestScore)
{
    /// <summary>True when no peak scored well enough, or geometry allowed none: the answer is "unknown", not a wrong name.</summary>
    public bool IsUnknown => Predicted.Count == 0;
}
