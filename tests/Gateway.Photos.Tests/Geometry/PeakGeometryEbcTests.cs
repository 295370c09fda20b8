using System.Globalization;
using Gateway.Peaks.Yaml;
using Gateway.Photos.Exif;
using Gateway.Photos.Geometry;

namespace Gateway.Photos.Tests.Geometry;

/// <summary>Which catalog peaks the real trek photos frame, from their EXIF position, compass and focal length.
/// Expectations were computed independently (haversine + forward azimuth over config/peaks.yaml) and checked
/// against the trek: from Kala Patthar the camera faces Everest; from Tengboche the 99 mm shot centres Ama Dablam.</summary>
public sealed class PeakGeometryEbcTests
{
    private static readonly IReadOnlyList<Gateway.Peaks.Peak> Catalog =
        PeakCatalogYaml.LoadFile(RepositoryPaths.CatalogFile);

    [SkippableTheory]
    [InlineData("IMG_1512.HEIC", "kongde-ri,khumbila,phari-lapcha")]
    [InlineData("IMG_2288.HEIC", "ama-dablam,baruntse,makalu")]
    [InlineData("IMG_2302.HEIC", "ama-dablam,baruntse,makalu")]
    [InlineData("IMG_2490.HEIC", "ama-dablam,chamlang,mera-peak")]
    [InlineData("IMG_2640.HEIC", "cholatse,arakam-tse,phari-lapcha")]
    [InlineData("IMG_2802.HEIC", "everest,lhotse,lhotse-shar,makalu")]
    [InlineData("IMG_2682.HEIC", "taboche,khumbila,kongde-ri")]
    public void InFrame_RealPhoto_ListsPeaksNearestFirst(string file, string expected)
    {
        var sightings = Sight(file);

        Assert.Equal(expected.Split(','), PeakGeometry.InFrame(sightings).Select(s => s.PeakId));
    }

    [SkippableTheory]
    [InlineData("IMG_2802.HEIC", "everest", 7.7, -0.1)]
    [InlineData("IMG_2288.HEIC", "ama-dablam", 8.1, -1.0)]
    [InlineData("IMG_2490.HEIC", "ama-dablam", 5.0, -1.2)]
    [InlineData("IMG_2069.HEIC", "lhotse", 26.4, 0.8)]
    public void InFrame_SubjectPeak_HasDistanceAndOffset(string file, string peak, double distanceKm, double offsetDeg)
    {
        var sighting = Sight(file).Single(s => s.PeakId == peak);

        Assert.True(sighting.InFieldOfView);
        Assert.Equal(distanceKm, sighting.DistanceKm, 1);
        Assert.Equal(offsetDeg, sighting.BearingOffsetDeg!.Value, 1);
    }

    [SkippableFact]
    public void Sightings_WithoutDirection_KeepEveryPeakInRange()
    {
        var meta = Read("IMG_2802.HEIC");
        var pose = new CameraPose(meta.Latitude!.Value, meta.Longitude!.Value, null, meta.Focal35mm, meta.Orientation, meta.Width, meta.Height);

        var sightings = PeakGeometry.Sightings(pose, Catalog, visibleRangeKm: 60);

        Assert.All(sightings, s => Assert.Null(s.InFieldOfView));
        Assert.Equal(sightings.Count, PeakGeometry.InFrame(sightings).Count);
        Assert.Equal(Catalog.Count(p => GeoMath.DistanceKm(meta.Latitude.Value, meta.Longitude.Value, p.Latitude, p.Longitude) <= 60), sightings.Count);
        Assert.DoesNotContain(PeakGeometry.Sightings(pose, Catalog, visibleRangeKm: 10), s => s.DistanceKm > 10);
    }

    private static IReadOnlyList<PeakSighting> Sight(string file)
    {
        var meta = Read(file);
        var pose = new CameraPose(meta.Latitude!.Value, meta.Longitude!.Value, meta.DirectionDeg, meta.Focal35mm, meta.Orientation, meta.Width, meta.Height);
        return PeakGeometry.Sightings(pose, Catalog, visibleRangeKm: 60, marginDeg: 5);
    }

    private static PhotoMetadata Read(string file)
    {
        var meta = ExifReader.Read(Path.Combine(SharedData.RequirePhotos("ebc"), file));
        Assert.True(meta.HasGps, file + " has GPS " + meta.Latitude?.ToString(CultureInfo.InvariantCulture));
        return meta;
    }
}
