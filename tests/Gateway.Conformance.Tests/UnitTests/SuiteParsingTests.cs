namespace Gateway.Conformance.Tests.UnitTests;

public class SuiteParsingTests
{
    [SkippableFact]
    public void EveryFile_ParsesIntoNamedTests()
    {
        Skip.IfNot(ConformanceSuite.IsAvailable, ConformanceSuite.MissingReason);

        var paths = ConformanceSuite.RelativePaths();
        var tests = paths.Sum(p => ConformanceSuite.Load(p).Tests.Count);

        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.NotEmpty(ConformanceSuite.Load(p).Tests));
        Assert.True(tests >= paths.Count, $"{tests} tests in {paths.Count} files");
    }
}
