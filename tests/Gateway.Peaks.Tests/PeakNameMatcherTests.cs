using Gateway.Peaks.Yaml;

namespace Gateway.Peaks.Tests;

public sealed class PeakNameMatcherTests
{
    private static readonly PeakNameMatcher Matcher = new(PeakCatalogYaml.LoadFile(RepoPaths.CatalogFile));

    [Theory]
    [InlineData("ama dablam", "ama-dablam")]
    [InlineData("  AMA   DABLAM ", "ama-dablam")]
    [InlineData("Amá Dáblam", "ama-dablam")]
    [InlineData("amadablam", "ama-dablam")]
    [InlineData("アマ・ダブラム", "ama-dablam")]
    [InlineData("アマダブラム", "ama-dablam")]
    [InlineData("珠穆朗玛峰", "everest")]
    [InlineData("Sagarmatha", "everest")]
    [InlineData("ཇོ་མོ་གླང་མ", "everest")]
    [InlineData("ल्होत्से", "lhotse")]
    [InlineData("Lhotse-Shar", "lhotse-shar")]
    [InlineData("imja tse", "island-peak")]
    [InlineData("Ｔａｗｏｃｈｅ", "taboche")]
    public void TryMatch_AnyAliasAnyScript_FindsPeak(string text, string expected)
    {
        Assert.True(Matcher.TryMatch(text, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("prayer flags")]
    [InlineData("ama")]
    [InlineData("")]
    public void TryMatch_NotAPeakName_IsFalse(string text) => Assert.False(Matcher.TryMatch(text, out _));

    [Theory]
    [InlineData("sunrise over Ama Dablam from Tengboche", "ama-dablam")]
    [InlineData("lhotse shar south face", "lhotse-shar")]
    [InlineData("夕焼けのアマ・ダブラム", "ama-dablam")]
    [InlineData("yaks near the river", null)]
    public void FindMention_LongestNameInText(string text, string? expected) => Assert.Equal(expected, Matcher.FindMention(text));

    [Theory]
    [InlineData("Ámá  Dablam!", "ama dablam")]
    [InlineData("Lhotse–Shar", "lhotse shar")]
    [InlineData("ＡＢＣ", "abc")]
    public void Normalize_FoldsCaseAccentsAndSeparators(string text, string expected) => Assert.Equal(expected, PeakNameMatcher.Normalize(text));
}
