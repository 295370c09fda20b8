using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.UnitTests;

public class UnsupportedListTests
{
    private static UnsupportedList Load() =>
        UnsupportedList.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "unsupported.yaml")));

    [Fact]
    public void EveryEntry_HasAReason()
    {
        var entries = Load().Entries.ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason), $"{e.File} / {e.Test}"));
    }

    [SkippableFact]
    public void EveryEntry_NamesAFileAndTestOfTheSuite()
    {
        Skip.IfNot(ConformanceSuite.IsAvailable, ConformanceSuite.MissingReason);
        var files = ConformanceSuite.RelativePaths().ToHashSet(StringComparer.Ordinal);

        foreach (var (file, test, _) in Load().Entries)
        {
            if (!files.Contains(file) && InSiblingSuite(file))
            {
                // Listed for the other folder (../shared/conformance/test or more/test) than the one this run reads.
                continue;
            }

            Assert.True(files.Contains(file), $"unsupported.yaml names [{file}], which is not in the suite");
            Assert.True(test == "*" || ConformanceSuite.Load(file).Tests.Any(t => t.Name == test), $"[{file}] has no test [{test}]");
        }
    }

    private static bool InSiblingSuite(string file) =>
        ConformanceSuite.TestsDirectories.Any(directory =>
        {
            var conformance = Path.GetFullPath(Path.Combine(directory, ".."));
            var sibling = Path.GetFileName(conformance) == "more" ? Path.Combine(conformance, "..", "test") : Path.Combine(conformance, "more", "test");
            return File.Exists(Path.Combine(sibling, file));
        });

    [SkippableFact]
    public void SetupBlocked_NamesFilesWithASetup()
    {
        Skip.IfNot(ConformanceSuite.IsAvailable, ConformanceSuite.MissingReason);
        var files = ConformanceSuite.RelativePaths().ToHashSet(StringComparer.Ordinal);

        Assert.All(Load().SetupBlocked, b =>
        {
            Assert.Contains(b.Key, files);
            Assert.NotNull(ConformanceSuite.Load(b.Key).Setup);
        });
    }

    [SkippableFact]
    public void KnownDifferences_NameFilesOfTheSuite()
    {
        Skip.IfNot(ConformanceSuite.IsAvailable, ConformanceSuite.MissingReason);
        var files = ConformanceSuite.RelativePaths().ToHashSet(StringComparer.Ordinal);

        Assert.All(Load().KnownDifferences, d => Assert.Contains(d.File, files));
    }
}
