using Gateway.Pages.Admin.Peaks;

namespace Gateway.Browser.Tests.Ui;

public sealed class PeakFormTests
{
    [Fact]
    public void ParseNames_GroupsByLanguageKeepsOrderAndAppendsTheNewAlias()
    {
        var form = new PeakForm
        {
            Names = "en: Ama Dablam\r\nja: アマダブラム\nAmadablam\n\nne: अमा दब्लम\nen: Ama Dablam",
            NewAlias = " 阿玛达布拉姆峰 ",
            NewAliasLanguage = "zh-Hans",
        };

        var names = form.ParseNames();

        Assert.Equal(["en", "ja", "ne", "zh-hans"], names.Keys);
        Assert.Equal(["Ama Dablam", "Amadablam"], names["en"]);
        Assert.Equal(["アマダブラム"], names["ja"]);
        Assert.Equal(["अमा दब्लम"], names["ne"]);
        Assert.Equal(["阿玛达布拉姆峰"], names["zh-hans"]);
    }

    [Theory]
    [InlineData("Mt. Everest: the highest", "en", "Mt. Everest: the highest")]
    [InlineData("bo: ཇོ་མོ་གླང་མ", "bo", "ཇོ་མོ་གླང་མ")]
    [InlineData("  fr :  Everest  ", "fr", "Everest")]
    public void ParseNames_ReadsOneLine(string line, string language, string name)
    {
        var names = new PeakForm { Names = line }.ParseNames();
        Assert.Equal([name], names[language]);
    }

    [Fact]
    public void ToPeak_KeepsTheReferenceFolder()
    {
        var form = new PeakForm { Id = "pumori", Names = "en: Pumori", Latitude = 28.0147, Longitude = 86.8281, ElevationM = 7161 };
        var peak = form.ToPeak("refs/pumori");
        Assert.Equal("Pumori", peak.DisplayName);
        Assert.Equal("refs/pumori", peak.ReferencePhotos);
        Assert.Equal(28.0147, peak.Latitude);
    }
}
