using Gateway.EmbeddedStore.Search.Analysis;
using Gateway.EmbeddedStore.Search.Index;

namespace Gateway.EmbeddedStore.Tests.Search;

public sealed class StandardAnalyzerTests
{
    [Theory]
    [InlineData("Ama Dablam, at sunrise!", "ama|dablam|at|sunrise")]
    [InlineData("アマダブラム", "アマダブラム")]
    [InlineData("エベレスト街道の朝", "エベレスト|街|道|の|朝")]
    [InlineData("Lhotse–Nuptse (8516 m)", "lhotse|nuptse|8516|m")]
    [InlineData("don't U.S.A 3.14 1,000", "don't|u.s.a|3.14|1,000")]
    [InlineData("Ćho Oyu Δ", "ćho|oyu|δ")]
    [InlineData("snake_case wi-fi", "snake_case|wi|fi")]
    public void Analyze_SplitsLikeTheStandardTokenizer(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), StandardAnalyzer.Analyze(text));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(23, 23)]
    [InlineData(24, 24)]
    [InlineData(100, 96)]
    [InlineData(1000, 984)]
    public void Bm25_LengthEncodingIsLossyLikeLucene(int length, int decoded)
    {
        Assert.Equal(decoded, Bm25.DecodeLength(Bm25.EncodeLength(length)));
    }
}
