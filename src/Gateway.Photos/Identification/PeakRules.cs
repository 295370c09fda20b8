using Gateway.Photos.Ingestion;

namespace Gateway.Photos.Identification;

/// <summary>
/// The identification rules ingestion and the query path share: geometry decides which peaks are eligible
/// (<see cref="GeometryMode"/>), the best eligible peak must reach <see cref="PhotosOptions.MinSimilarity"/> (else the
/// answer is unknown), and then at most <see cref="PhotosOptions.MaxPredictedPeaks"/> peaks within
/// <see cref="PhotosOptions.RelativeThreshold"/> of the best are identified.
/// </summary>
public static class PeakRules
{
    /// <summary>Combines a vision ranking (peak id and cosine similarity, any order) with <paramref name="frame"/>.</summary>
    public static PeakChoice Choose(IEnumerable<(string Id, double Score)> vision, PeakFrame frame, PhotosOptions options)
    {
        ArgumentNullException.ThrowIfNull(vision);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(options);
        var weight = options.Geometry == GeometryMode.Weight;
        var ranked = vision
            .Select(v => (v.Id, v.Score, Possible: frame.IsPossible(v.Id)))
            .Select(v => new RankedPeak(v.Id, v.Score, v.Possible || !weight ? v.Score : v.Score - options.OutOfFramePenalty, v.Possible))
            .ToList();
        var eligible = ranked.Where(r => weight || r.Possible).OrderByDescending(r => r.RankScore).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var rest = ranked.Where(r => !weight && !r.Possible).OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal);
        var candidates = eligible.Concat(rest).ToList();
        if (eligible.Count == 0 || eligible[0].RankScore < options.MinSimilarity)
        {
            return new PeakChoice([], candidates, frame, eligible.Count == 0 ? null : eligible[0].RankScore);
        }

        var best = eligible[0].RankScore;
        var floor = best > 0 ? best * options.RelativeThreshold : best;
        var predicted = eligible.TakeWhile(r => r.RankScore >= floor).Take(options.MaxPredictedPeaks).ToList();
        return new PeakChoice(predicted, candidates, frame, best);
    }
}
