using Gateway.Peaks;
using Gateway.Peaks.Catalog;
using Gateway.Photos.Exif;
using Gateway.Photos.Ingestion;

namespace Gateway.Photos.Tests.Ingestion;

public sealed class PeakPredictorTests
{
    // Three peaks around 27.9N 86.8E with orthogonal prototypes; north-peak is 10 km north, east-peak 10 km east.
    private static readonly StoredPeak North = Stored("north-peak", 27.99, 86.80, [1, 0, 0]);
    private static readonly StoredPeak East = Stored("east-peak", 27.90, 86.902, [0, 1, 0]);
    private static readonly StoredPeak Far = Stored("far-peak", 29.5, 86.80, [0, 0, 1]);
    private static readonly PeakPredictor Predictor = new([North, East, Far], new PhotosOptions());

    [Fact]
    public void Predict_WithoutGps_RanksByVisionAboveRelativeThreshold()
    {
        var prediction = Predictor.Predict(Unit(0.7f, 0.68f, 0.2f), new PhotoMetadata());

        Assert.Equal("vision", prediction.Rule);
        Assert.Equal(["north-peak", "east-peak"], prediction.Predicted);
        Assert.Empty(prediction.InFrame);
    }

    [Fact]
    public void Predict_WithGps_NeverPredictsPeaksOutOfRange()
    {
        var prediction = Predictor.Predict(Unit(0, 0, 1), Camera(direction: null));

        Assert.Equal("range", prediction.Rule);
        Assert.DoesNotContain("far-peak", prediction.Predicted);
        Assert.Equal(["east-peak", "north-peak"], prediction.InFrame.Select(s => s.PeakId).OrderBy(s => s));
    }

    [Fact]
    public void Predict_WithDirectionAndFocal_OnlyPeaksInFieldOfView()
    {
        // Facing east with a 50 mm lens: north-peak is 90° off axis, so only east-peak is possible even though
        // the photo vector is closer to north-peak.
        var prediction = Predictor.Predict(Unit(0.9f, 0.3f, 0), Camera(direction: 90));

        Assert.Equal("field_of_view", prediction.Rule);
        Assert.Equal(["east-peak"], prediction.Predicted);
        Assert.Equal(["east-peak"], prediction.InFrame.Select(s => s.PeakId));
        Assert.Equal(10.0, prediction.InFrame[0].DistanceKm, 0);
    }

    [Fact]
    public void Predict_BestBelowFloor_PredictsNothing()
    {
        var strict = new PeakPredictor([North, East], new PhotosOptions { MinSimilarity = 0.5 });

        Assert.Empty(strict.Predict(Unit(0.3f, 0.3f, 0.9f), new PhotoMetadata()).Predicted);
    }

    [Fact]
    public void Predict_CapsAtMaxPredictedPeaks()
    {
        var peaks = Enumerable.Range(0, 6).Select(i => Stored("p" + i, 27.9, 86.8, [1, 0, 0])).ToList();
        var predictor = new PeakPredictor(peaks, new PhotosOptions { MaxPredictedPeaks = 3 });

        Assert.Equal(3, predictor.Predict(Unit(1, 0, 0), new PhotoMetadata()).Predicted.Count);
    }

    private static PhotoMetadata Camera(double? direction) => new()
    {
        Latitude = 27.90,
        Longitude = 86.80,
        DirectionDeg = direction,
        Focal35mm = 50,
        Orientation = 1,
        Width = 6000,
        Height = 4000,
    };

    private static StoredPeak Stored(string id, double lat, double lon, float[] vector) => new(
        new Peak { Id = id, Names = new Dictionary<string, IReadOnlyList<string>> { ["en"] = [id] }, Latitude = lat, Longitude = lon, ElevationM = 6000 },
        Unit(vector));

    private static float[] Unit(params float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
