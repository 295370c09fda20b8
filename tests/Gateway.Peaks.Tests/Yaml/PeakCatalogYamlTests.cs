using Gateway.Peaks.Yaml;

namespace Gateway.Peaks.Tests.Yaml;

public sealed class PeakCatalogYamlTests
{
    [Fact]
    public void LoadFile_RepositoryCatalog_HasSourcedEverestRegionPeaks()
    {
        var peaks = PeakCatalogYaml.LoadFile(RepositoryPaths.CatalogFile);

        Assert.True(peaks.Count >= 28, $"only {peaks.Count} peaks");
        Assert.Equal(peaks.Count, peaks.Select(p => p.Id).Distinct().Count());
        Assert.All(peaks, p => Assert.False(string.IsNullOrWhiteSpace(p.Source), p.Id + " has no source"));
        Assert.All(peaks, p => Assert.InRange(p.Latitude, 27.5, 28.2));
        Assert.All(peaks, p => Assert.InRange(p.Longitude, 86.5, 87.2));
        var everest = peaks.Single(p => p.Id == "everest");
        Assert.Equal(8849, everest.ElevationM);
        Assert.Contains("珠穆朗玛峰", everest.AllNames);
        Assert.Equal("Mount Everest", everest.DisplayName);
        Assert.Equal(everest, peaks.MaxBy(p => p.ElevationM));
    }

    [Fact]
    public void Export_ThenLoad_RoundTripsEveryField()
    {
        var peaks = PeakCatalogYaml.LoadFile(RepositoryPaths.CatalogFile);

        var again = PeakCatalogYaml.Load(PeakCatalogYaml.Export(peaks));

        Assert.Equal(peaks.Count, again.Count);
        for (var i = 0; i < peaks.Count; i++)
        {
            Assert.Equal(peaks[i].Id, again[i].Id);
            Assert.Equal(peaks[i].Latitude, again[i].Latitude);
            Assert.Equal(peaks[i].Longitude, again[i].Longitude);
            Assert.Equal(peaks[i].ElevationM, again[i].ElevationM);
            Assert.Equal(peaks[i].Source, again[i].Source);
            Assert.Equal(peaks[i].Names.Keys, again[i].Names.Keys);
            Assert.All(peaks[i].Names, kv => Assert.Equal(kv.Value, again[i].Names[kv.Key]));
        }
    }

    [Theory]
    [InlineData("peaks:\n  - id: Bad Id\n    names: {en: [X]}\n    lat: 1\n    lon: 1\n    elev_m: 100\n", "lower-case slug")]
    [InlineData("peaks:\n  - id: x\n    lat: 1\n    lon: 1\n    elev_m: 100\n", "names must hold")]
    [InlineData("peaks:\n  - id: x\n    names: {en: [X]}\n    lat: 91\n    lon: 1\n    elev_m: 100\n", "lat must be")]
    [InlineData("peaks:\n  - id: x\n    names: {en: [X]}\n    lat: 1\n    lon: 1\n", "elev_m")]
    [InlineData("peaks:\n  - id: x\n    names: {en: [X]}\n    lat: 1\n    lon: 1\n    elev_m: 5\n  - id: x\n    names: {en: [Y]}\n    lat: 1\n    lon: 1\n    elev_m: 5\n", "duplicate id 'x'")]
    [InlineData("peaks: [\n", "invalid YAML")]
    [InlineData("peaks:\n  - id: x\n    names: {en: [X]}\n    lat: 1\n    lon: 1\n    elev_m: 5\n    album_references: [{album: ebc, path: ../etc/passwd}]\n", "album_references[0]: needs an album and a path relative")]
    [InlineData("peaks:\n  - id: x\n    names: {en: [X]}\n    lat: 1\n    lon: 1\n    elev_m: 5\n    album_negatives: [{path: a.jpg}]\n", "album_negatives[0]: needs an album")]
    [InlineData("peaks:\n  - id: x\n    names: {en: [X]}\n    lat: 1\n    lon: 1\n    elev_m: 5\n    album_references: [{album: ebc, path: a.jpg}]\n    album_negatives: [{album: ebc, path: a.jpg}]\n", "ebc/a.jpg is both a reference and a negative")]
    public void Load_InvalidCatalog_ThrowsWithReason(string yaml, string reason)
    {
        var e = Assert.Throws<PeakCatalogException>(() => PeakCatalogYaml.Load(yaml, "test.yaml"));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.yaml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlbumReferencesAndNegatives_RoundTrip()
    {
        const string Yaml = """
            peaks:
              - id: ama-dablam
                names: {en: [Ama Dablam]}
                lat: 27.86
                lon: 86.86
                elev_m: 6812
                album_references:
                  - {album: ebc, path: day3/IMG_0042.HEIC}
                  - {album: ebc, path: day4/IMG 7.jpg}
                album_negatives:
                  - {album: ebc, path: day3/IMG_0050.HEIC}
            """;

        var peak = Assert.Single(PeakCatalogYaml.Load(PeakCatalogYaml.Export(PeakCatalogYaml.Load(Yaml))));

        Assert.Equal([new AlbumPhoto("ebc", "day3/IMG_0042.HEIC"), new AlbumPhoto("ebc", "day4/IMG 7.jpg")], peak.AlbumReferences);
        Assert.Equal([new AlbumPhoto("ebc", "day3/IMG_0050.HEIC")], peak.AlbumNegatives);
    }
}
