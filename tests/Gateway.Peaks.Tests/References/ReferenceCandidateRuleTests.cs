using Gateway.Peaks.References;

namespace Gateway.Peaks.Tests.References;

public sealed class ReferenceCandidateRuleTests
{
    private static readonly ReferenceCandidateOptions Options = new() { MaxBearingOffsetDeg = 5, MaxDistanceKm = 8 };

    [Theory]
    // id:distance:offset per peak in frame; "-" for a missing value; expected peak or "" for none.
    [InlineData("ama:5:2", "ama")]
    [InlineData("ama:5:-5", "ama")]
    [InlineData("ama:8:0", "ama")]
    [InlineData("ama:5:2 everest:20:1", "ama")] // the far peak behind is not "within a few kilometres"
    [InlineData("ama:5:2 lhotse:7:-3", "")] // two peaks near the centre: ambiguous
    [InlineData("ama:5:6", "")] // off centre
    [InlineData("ama:9:0", "")] // too far
    [InlineData("ama:5:-", "")] // no camera direction
    [InlineData("ama:-:1", "")] // no distance
    [InlineData("ama:5:30 kangtega:3:-1", "kangtega")]
    [InlineData("", "")]
    public void Propose_ExactlyOnePeakNearTheCentreAndClose(string inFrame, string expected)
    {
        var entries = inFrame.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split(':'))
            .Select(p => new PeakInFrame(p[0], Number(p[1]), Number(p[2])));

        var proposed = ReferenceCandidateRule.Propose(entries, Options);

        Assert.Equal(expected, proposed?.PeakId ?? "");
    }

    [Fact]
    public void Propose_SamePeakListedTwice_IsStillOnePeak()
    {
        var proposed = ReferenceCandidateRule.Propose([new("ama", 5, 1), new("ama", 5, 1)], Options);

        Assert.Equal("ama", proposed?.PeakId);
    }

    private static double? Number(string text) => text == "-" ? null : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
