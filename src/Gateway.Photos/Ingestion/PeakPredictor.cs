using Gateway.Embeddings.Vectors;
using Gateway.Peaks.Catalog;
using Gateway.Photos.Exif;
using Gateway.Photos.Identification;

namespace Gateway.Photos.Ingestion;

/// <summary>
/// Combines vision and geometry at ingestion (docs/ingestion.md, "Predicted peaks"): <see cref="PeakFrame"/> decides which
/// peaks are possible, the photo's similarity to each prototype ranks them, and <see cref="PeakRules"/> (the rules
/// <c>/_gateway/identify</c> applies too) picks the predicted ones or none ("unknown").
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
        var frame = PeakFrame.Of(metadata, _prototypes.Select(p => p.Peak), _options);
        var vision = new List<(string Id, double Score)>(_prototypes.Count);
        foreach (var prototype in _prototypes)
        {
            if (prototype.Vector.Length == vector.Length)
            {
                vision.Add((prototype.Peak.Id, VectorMath.Dot(vector, prototype.Vector)));
            }
        }

        var choice = PeakRules.Choose(vision, frame, _options);
        return new PeakPrediction(choice.Predicted.Select(c => c.Id).ToList(), choice.Predicted.Select(c => c.RankScore).ToList(), frame.InFrame, frame.Rule)
        {
            BestScore = choice.BestScore,
        };
    }
}
