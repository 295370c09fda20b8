using Gateway.Peaks.Yaml;
using Gateway.Rewrite;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.QueryVectors;

/// <summary>The shipped catalog (config/peaks.yaml) seen through the search's name matcher, built as the gateway builds it.</summary>
public sealed class PeakCatalogNamesTests
{
    private static readonly IReadOnlyList<Gateway.Peaks.Peak> Peaks =
        PeakCatalogYaml.LoadFile(Path.Combine(RepositoryPaths.Root, "config", "peaks.yaml"));

    // As Gateway.QueryVectors.PeakCatalog indexes the stored documents: every name, then the id.
    private static readonly PeakNameMatcher<string> Matcher =
        new(Peaks.SelectMany(peak => peak.AllNames.Append(peak.Id).Select(name => (name, peak.Id))));

    [Fact]
    public void Find_EveryNameAndIdIsItsOwnPeak()
    {
        var lost = Peaks
            .SelectMany(peak => peak.AllNames.Append(peak.Id).Select(name => (name, peak.Id)))
            .Where(p => Matcher.Find(p.name) is not { IsWholeText: true } match || match.Peak != p.Id)
            .Select(p => $"{p.name} ({p.Id})")
            .ToList();

        Assert.Empty(lost);
    }

    [Fact]
    public void Find_EveryNameOfSeveralWordsWrittenAsOneIsItsOwnPeak()
    {
        var spaced = Peaks
            .SelectMany(peak => peak.AllNames.Select(PeakNameNormalizer.Normalize).Where(n => n.Contains(' ', StringComparison.Ordinal)).Select(name => (name, peak.Id)))
            .ToList();
        var lost = spaced
            .Where(p => Matcher.Find(p.name.Replace(" ", "", StringComparison.Ordinal)) is not { IsWholeText: true } match || match.Peak != p.Id)
            .Select(p => $"{p.name} ({p.Id})")
            .ToList();

        Assert.Contains(("lhotse shar", "lhotse-shar"), spaced);
        Assert.Empty(lost);
    }
}
