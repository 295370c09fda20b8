using Gateway.Embeddings.Vectors;
using Gateway.Peaks.Catalog;
using Gateway.Photos.Exif;
using Gateway.Photos.Geometry;

namespace Gateway.Photos.Ingestion;

/// <summary>
/// Combines vision and geometry (docs/ingestion.md, "Predicted peaks"): geometry decides which peaks are possible,
/// vision ranks the possible ones. With GPS, only peaks within the visible range are possible; with compass direction
/// and focal length as well, only peaks inside the horizontal angle of view (plus a margin). Among possible peaks the
/// most similar ones are predicted: at most N, each at least a fraction of the best similarity, the best above a floor.
/// </summary>
public sealed class PeakPredictor
{
    private readonly IReadOnlyList<StoredPeak> _prototypes;
    private readonly PhotosOptions _options;

    /// <summary>Predicts among <paramref name="prototypes"/> with the thresholds of <paramref name="options"/>.</summary>
    public PeakPredictor(IReadOnlyList<StoredPeak> prototypes, PhotosOptions options)
    {
        _prototypes = prototypes;
        _options = options;
    }

    /// <summary>True when there is a catalog to predict from.</summary>
    public bool HasCatalog => _prototypes.Count > 0;

    /// <summary>Predicts the peaks of a photo with vector <paramref name="vector"/> and metadata <paramref name="metadata"/>.</summary>
    public PeakPrediction Predict(ReadOnlySpan<float> vector, PhotoMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        IReadOnlyList<PeakSighting> inFrame = [];
        HashSet<string>? possible = null;
        var rule = "vision";
        if (metadata.HasGps)
        {
            var pose = new CameraPose(metadata.Latitude!.Value, metadata.Longitude!.Value, metadata.DirectionDeg, metadata.Focal35mm, metadata.Orientation, metadata.Width, metadata.Height);
            var sightings = PeakGeometry.Sightings(pose, _prototypes.Select(p => p.Peak), _options.VisibleRangeKm, _options.FieldOfViewMarginDeg);
            inFrame = PeakGeometry.InFrame(sightings);
            possible = inFrame.Select(s => s.PeakId).ToHashSet(StringComparer.Ordinal);
            rule = sightings.Any(s => s.InFieldOfView is not null) ? "field_of_view" : "range";
        }

        var ranked = new List<(string Id, double Score)>();
        foreach (var prototype in _prototypes)
        {
            if ((possible is null || possible.Contains(prototype.Peak.Id)) && prototype.Vector.Length == vector.Length)
            {
                ranked.Add((prototype.Peak.Id, VectorMath.Dot(vector, prototype.Vector)));
            }
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        if (ranked.Count == 0 || ranked[0].Score < _options.MinSimilarity)
        {
            return new PeakPrediction([], [], inFrame, rule);
        }

        var best = ranked[0].Score;
        var floor = best > 0 ? best * _options.RelativeThreshold : best;
        var chosen = ranked.TakeWhile(r => r.Score >= floor).Take(_options.MaxPredictedPeaks).ToList();
        return new PeakPrediction(chosen.Select(c => c.Id).ToList(), chosen.Select(c => c.Score).ToList(), inFrame, rule);
    }
}
