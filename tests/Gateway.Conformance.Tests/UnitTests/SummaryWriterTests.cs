using Gateway.Conformance.Tests.Runner;

namespace Gateway.Conformance.Tests.UnitTests;

public class SummaryWriterTests
{
    [Fact]
    public void Render_CountsPerFileGroupAndTotalAndListsFailuresWithReasons()
    {
        TestResult[] results =
        [
            new("bulk/10_basic.yml", "a", TestStatus.Passed, string.Empty, false, []),
            new("bulk/10_basic.yml", "b", TestStatus.Failed, "match (line 3) on [x]: expected [1] but was [2]", false, []),
            new("bulk/20_other.yml", "c", TestStatus.Unsupported, "nested is outside the subset", true, []),
            new("search/10_x.yml", "d", TestStatus.Skipped, "skip.version [ - 8.0.0]", false, []),
            new("search/10_x.yml", "e", TestStatus.Passed, string.Empty, false, ["match on [_type] not checked"]),
        ];

        var text = SummaryWriter.Render(results, "fake", "9.1.0");

        Assert.Contains("| bulk | 1 | 1 | 0 | 1 | 3 | 50 % |", text, StringComparison.Ordinal);
        Assert.Contains("| search | 1 | 0 | 1 | 0 | 2 | 100 % |", text, StringComparison.Ordinal);
        Assert.Contains("| bulk/10_basic.yml | 1 | 1 | 0 | 0 | 2 | 50 % |", text, StringComparison.Ordinal);
        Assert.Contains("| **total** | 2 | 1 | 1 | 1 | 5 | 67 % |", text, StringComparison.Ordinal);
        Assert.Contains("- `bulk/10_basic.yml` **b**: match (line 3) on [x]: expected [1] but was [2]", text, StringComparison.Ordinal);
        Assert.Contains("**c** — unsupported: nested is outside the subset", text, StringComparison.Ordinal);
        Assert.Contains("match on [_type] not checked", text, StringComparison.Ordinal);
    }
}
