namespace Gateway.Rewrite.Tests;

public sealed class PeakNameMatcherTests
{
    // Names as in config/peaks.yaml (a subset, plus made-up 赤岳, K2 and 岳 for the edge cases).
    private static readonly PeakNameMatcher<string> Matcher = new(
    [
        ("Ama Dablam", "ama-dablam"),
        ("アマ・ダブラム", "ama-dablam"),
        ("Lhotse", "lhotse"),
        ("ल्होत्से", "lhotse"),
        ("Lhotse Shar", "lhotse-shar"),
        ("Imja Tse", "island-peak"),
        ("Tawoche", "taboche"),
        ("Everest", "everest"),
        ("ཇོ་མོ་གླང་མ", "everest"),
        ("エベレスト", "everest"),
        ("珠穆朗玛峰", "everest"),
        ("赤岳", "akadake"),
        ("K2", "k2"),
        ("岳", "one-character"),
    ]);

    [Theory]
    [InlineData("Ama Dablam", "ama-dablam", "ama dablam")]
    [InlineData("AMA-DABLAM", "ama-dablam", "ama dablam")]
    [InlineData("アマ・ダブラム", "ama-dablam", "アマ ダブラム")]
    [InlineData("アマダブラム", "ama-dablam", "アマダブラム")]
    [InlineData("岳", "one-character", "岳")]
    [InlineData("Amá Dáblam?", "ama-dablam", "ama dablam")]
    [InlineData("(Lhotse Shar)", "lhotse-shar", "lhotse shar")]
    [InlineData("「アマダブラム」", "ama-dablam", "アマダブラム")]
    [InlineData("amadablam", "ama-dablam", "amadablam")]
    [InlineData("#ImjaTse", "island-peak", "imjatse")]
    [InlineData("Ｔａｗｏｃｈｅ", "taboche", "tawoche")]
    [InlineData("ल्होत्से", "lhotse", "ल्होत्से")]
    [InlineData("ཇོ་མོ་གླང་མ", "everest", "ཇོ མོ གླང མ")]
    public void Find_WholeTextIsTheName(string text, string peak, string name)
    {
        var match = Matcher.Find(text);

        Assert.NotNull(match);
        Assert.True(match.IsWholeText);
        Assert.Equal(peak, match.Peak);
        Assert.Equal(name, match.Name);
    }

    [Theory]
    [InlineData("ama dablam at sunrise", "ama-dablam", "ama dablam")]
    [InlineData("Sunrise over Amá Dablam!", "ama-dablam", "ama dablam")]
    [InlineData("yaks below amadablam, morning", "ama-dablam", "amadablam")]
    [InlineData("アマダブラムの朝", "ama-dablam", "アマダブラム")]
    [InlineData("朝のエベレスト", "everest", "エベレスト")]
    [InlineData("エベレストBC", "everest", "エベレスト")]
    [InlineData("赤岳の写真", "akadake", "赤岳")]
    [InlineData("珠穆朗玛峰 日出", "everest", "珠穆朗玛峰")]
    [InlineData("lhotse shar from the south", "lhotse-shar", "lhotse shar")]
    [InlineData("clouds on k2 and lhotse", "lhotse", "lhotse")]
    [InlineData("everest and lhotse shar", "lhotse-shar", "lhotse shar")]
    [InlineData("k2 base camp", "k2", "k2")]
    [InlineData("夕焼けのアマ・ダブラム", "ama-dablam", "アマ ダブラム")]
    [InlineData("sunset on lhotseshar.jpg", "lhotse-shar", "lhotseshar")]
    [InlineData("Ama Dablam 🏔️ from Tengboche", "ama-dablam", "ama dablam")]
    public void Find_NameInsideText(string text, string peak, string name)
    {
        var match = Matcher.Find(text);

        Assert.NotNull(match);
        Assert.False(match.IsWholeText);
        Assert.Equal(peak, match.Peak);
        Assert.Equal(name, match.Name);
    }

    [Theory]
    [InlineData("prayer flags")]
    [InlineData("everesting on a bike")]
    [InlineData("mount lhotses")]
    [InlineData("k22 trail")]
    [InlineData("ama")]
    [InlineData("amadablamx")]
    [InlineData("lhotsesharp")]
    [InlineData("ama dab lam")]
    [InlineData("赤岳山頂")]
    [InlineData("山岳部")]
    [InlineData("")]
    [InlineData("  --  ")]
    public void Find_NoWholeWordName(string text) => Assert.Null(Matcher.Find(text));

    [Fact]
    public void Find_LongestNameWinsThenEarliest()
    {
        var matcher = new PeakNameMatcher<string>([("Nuptse", "nuptse"), ("Pumori", "pumori"), ("Nuptse East", "nuptse-east")]);

        Assert.Equal("nuptse-east", matcher.Find("nuptse east at dusk")!.Peak);
        Assert.Equal("pumori", matcher.Find("pumori then nuptse")!.Peak);
        Assert.Equal("nuptse", matcher.Find("nuptse then pumori")!.Peak);
    }

    [Fact]
    public void Find_OneWordFormNeverTakesAnotherPeaksName()
    {
        var matcher = new PeakNameMatcher<string>([("Pumo Ri", "pumo-ri"), ("Pumori", "pumori")]);

        Assert.Equal("pumori", matcher.Find("pumori")!.Peak);
        Assert.Equal("pumo-ri", matcher.Find("pumo ri")!.Peak);
    }

    [Fact]
    public void Find_FirstPeakKeepsASharedName()
    {
        var matcher = new PeakNameMatcher<string>([("Shared", "first"), ("shared", "second")]);

        Assert.Equal("first", matcher.Find("shared")!.Peak);
    }
}
