using Gateway.Photos.Geometry;

namespace Gateway.Photos.Ingestion;

/// <summary>The peaks a photo is predicted to show, and the peaks geometry puts in its frame.</summary>
/// <param name="Predicted">Peak ids, most similar first (at most <see cref="PhotosOptions.MaxPredictedPeaks"/>); empty when unknown.</param>
/// <param name="Scores">Cosine similarity of each predicted peak, same order.</param>
/// <param name="InFrame">Peaks in range (and in the field of view when it is known), nearest first; empty without GPS.</param>
/// <param name="Rule">Which rule decided: <c>vision</c> (no GPS), <c>range</c> (GPS only) or <c>field_of_view</c>.</param>
public sealed record PeakPrediction(IReadOnlyList<string> Predicted, IReadOnlyList<double> Scores, IReadOnlyList<PeakSighting> InFrame, string Rule)
{
    /// <summary>The best eligible peak's score, compared with <see cref="PhotosOptions.MinSimilarity"/> (stored as
    /// <c>best_score</c> for the admin's score distribution, also when the photo is unknown); null when no peak was eligible.</summary>
    public double? BestScore { get; init; }
}
