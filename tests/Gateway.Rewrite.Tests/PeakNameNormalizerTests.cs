namespace Gateway.Rewrite.Tests;

public sealed class PeakNameNormalizerTests
{
    [Theory]
    [InlineData("Ama Dablam", "ama dablam")]
    [InlineData("  AMA   DABLAM ", "ama dablam")]
    [InlineData("ama-dablam", "ama dablam")]
    [InlineData("Lhotse_Shar", "lhotse shar")]
    [InlineData("Chomolungma", "chomolungma")]
    [InlineData("Sagarmāthā", "sagarmatha")]
    [InlineData("Čho Oyu", "cho oyu")]
    [InlineData("ＡＭＡ ＤＡＢＬＡＭ", "ama dablam")]
    [InlineData("アマ・ダブラム", "アマ ダブラム")]
    [InlineData("ｱﾏ･ﾀﾞﾌﾞﾗﾑ", "アマ ダブラム")]
    [InlineData("珠穆朗玛峰", "珠穆朗玛峰")]
    [InlineData("सगरमाथा", "सगरमाथा")]
    [InlineData("ガ", "ガ")]
    [InlineData("---", "")]
    public void Normalize_IgnoresCaseAccentsAndSeparators(string input, string expected) =>
        Assert.Equal(expected, PeakNameNormalizer.Normalize(input));

    [Fact]
    public void Normalize_DecomposedAndComposedAccentsAgree() =>
        Assert.Equal(PeakNameNormalizer.Normalize("Sagarma\u0304tha\u0304"), PeakNameNormalizer.Normalize("Sagarmāthā"));
}
