using System.Text.Json.Nodes;
using Gateway.Peaks.Yaml;
using Gateway.Photos.Exif;
using Gateway.Photos.Identification;
using Gateway.Photos.Ingestion;

namespace Gateway.Photos.Tests.Identification;

/// <summary>Vision and geometry together, with a stub vision ranking and the real trek photos' EXIF.</summary>
public sealed class PeakRulesTests
{
    private static readonly IReadOnlyList<Gateway.Peaks.Peak> Catalog = PeakCatalogYaml.LoadFile(RepositoryPaths.CatalogFile);

    // Vision that is sure of the wrong peak: Lobuche West (out of the Kala Patthar frame) first, Everest far behind.
    private static readonly (string, double)[] WrongVision = [("lobuche-west", 0.31), ("ama-dablam", 0.28), ("everest", 0.12), ("lhotse", 0.10), ("kongde-ri", 0.09)];

    [SkippableTheory]
    [InlineData("IMG_2802.HEIC", "everest", "lobuche-west")]
    [InlineData("IMG_1512.HEIC", "kongde-ri", "ama-dablam")]
    public void Choose_RealUpload_GeometryOverrulesVisionThatPrefersAPeakOutOfFrame(string file, string expected, string outOfFrame)
    {
        var frame = PeakFrame.Of(Read(file), Catalog, new PhotosOptions());

        var choice = PeakRules.Choose(WrongVision, frame, new PhotosOptions());

        Assert.Equal("field_of_view", frame.Rule);
        Assert.False(frame.IsPossible(outOfFrame));
        Assert.Equal(expected, choice.Predicted[0].Id);
        Assert.All(choice.Predicted, p => Assert.True(p.Possible));
        Assert.Equal("lobuche-west", choice.Candidates.First(c => !c.Possible).Id);
    }

    [SkippableFact]
    public void Choose_WeightMode_StrongVisionCanStillWinButLosesThePenalty()
    {
        var frame = PeakFrame.Of(Read("IMG_2802.HEIC"), Catalog, new PhotosOptions());
        var weighted = new PhotosOptions { Geometry = GeometryMode.Weight, OutOfFramePenalty = 0.25 };

        var close = PeakRules.Choose(WrongVision, frame, weighted);
        var far = PeakRules.Choose([("lobuche-west", 0.40), ("everest", 0.12)], frame, weighted);

        Assert.Equal("everest", close.Predicted[0].Id);
        Assert.Equal(0.06, close.Candidates.Single(c => c.Id == "lobuche-west").RankScore, 6);
        Assert.Equal("lobuche-west", far.Predicted[0].Id);
    }

    [Fact]
    public void Choose_BestUnderThreshold_IsUnknownButListsCandidates()
    {
        var choice = PeakRules.Choose([("everest", 0.12), ("lhotse", 0.10)], PeakFrame.Unconstrained, new PhotosOptions { MinSimilarity = 0.2 });

        Assert.True(choice.IsUnknown);
        Assert.Equal(["everest", "lhotse"], choice.Candidates.Select(c => c.Id));
        Assert.Equal(0.12, choice.BestScore);
    }

    [Fact]
    public void Choose_NoPossiblePeak_IsUnknownAndListsVisionsBest()
    {
        var frame = new PeakFrame([], new HashSet<string>(), "field_of_view");

        var choice = PeakRules.Choose([("everest", 0.9), ("lhotse", 0.5)], frame, new PhotosOptions());

        Assert.True(choice.IsUnknown);
        Assert.Null(choice.BestScore);
        Assert.Equal(["everest", "lhotse"], choice.Candidates.Select(c => c.Id));
        Assert.All(choice.Candidates, c => Assert.False(c.Possible));
    }

    [SkippableFact]
    public void StoredGeometry_GivesTheSameFrameAsTheFile()
    {
        var meta = Read("IMG_2802.HEIC");
        var source = new JsonObject
        {
            ["gps"] = new JsonObject { ["lat"] = meta.Latitude, ["lon"] = meta.Longitude },
            ["direction_deg"] = meta.DirectionDeg,
            ["focal_35mm"] = meta.Focal35mm,
            ["orientation"] = meta.Orientation,
            ["width"] = meta.Width,
            ["height"] = meta.Height,
        };

        var stored = PeakFrame.Of(StoredPhotoGeometry.FromSource(source), Catalog, new PhotosOptions());
        var file = PeakFrame.Of(meta, Catalog, new PhotosOptions());

        Assert.Equal(file.InFrame.Select(s => s.PeakId), stored.InFrame.Select(s => s.PeakId));
        Assert.Equal(file.Rule, stored.Rule);
    }

    private static PhotoMetadata Read(string file) => ExifReader.Read(Path.Combine(SharedData.RequirePhotos("ebc"), file));
}
