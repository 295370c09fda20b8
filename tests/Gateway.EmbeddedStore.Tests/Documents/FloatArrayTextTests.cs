using System.Globalization;
using System.Text;
using Gateway.EmbeddedStore.Documents;

namespace Gateway.EmbeddedStore.Tests.Documents;

public sealed class FloatArrayTextTests
{
    [Theory]
    [InlineData("R")]
    [InlineData("G9")]
    [InlineData("G17")]
    [InlineData("E3")]
    [InlineData("E12")]
    [InlineData("F3")]
    [InlineData("F20")]
    public void TryParse_RandomValues_MatchFloatParseBitForBit(string format)
    {
        var random = new Random(42);
        var texts = new string[5000];
        for (var i = 0; i < texts.Length; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-12, 12));
            var value = (random.NextDouble() * 2 - 1) * magnitude;
            texts[i] = i % 2 == 0 ? ((float)value).ToString(format, CultureInfo.InvariantCulture) : value.ToString(format, CultureInfo.InvariantCulture);
        }

        AssertSameAsFloatParse(texts);
    }

    [Fact]
    public void TryParse_EdgeCases_MatchFloatParseBitForBit()
    {
        AssertSameAsFloatParse(
        [
            "0", "-0", "0.0", "-0.0", "0e5", "1", "-1", "1e0", "1E+2", "1e-2", "123456789", "0.1", "0.2", "0.3",
            "9007199254740993", "90071992547409930", "0.000000000000000000000000000001",
            "3.4028235e38", "3.4028234663852886e38", "1.17549435e-38", "1.1754942e-38", "1.4e-45", "7e-46",
            "1.00000005960464477539062", "1.0000000596046448", "1.00000017881393432617187499", "16777217",
            "16777219", "33554435", "1.000000059604644775390625", "0.50000002980232238769531250",
            "12345678901234567890", "1.5e-7", "2.5E-05", "-4.2e+21",
        ]);
    }

    [Theory]
    [InlineData("[1,2]", 3)]
    [InlineData("[1,2,3,4]", 3)]
    [InlineData("[1,\"2\",3]", 3)]
    [InlineData("[1,null,3]", 3)]
    [InlineData("[1,[2],3]", 3)]
    [InlineData("[1,2,3e39]", 3)]
    [InlineData("[1,2,-1e39]", 3)]
    [InlineData("[]", 1)]
    public void TryParse_NotAFiniteArrayOfTheLength_ReturnsFalse(string json, int length)
    {
        Assert.False(FloatArrayText.TryParse(Encoding.UTF8.GetBytes(json), new float[length]));
    }

    [Fact]
    public void TryParse_WhitespaceAndEmptyArray_Accepted()
    {
        var output = new float[3];
        Assert.True(FloatArrayText.TryParse(" [ 1.5 ,\n-2e-3\t, 0 ] "u8, output));
        Assert.Equal([1.5f, -0.002f, 0f], output);
        Assert.True(FloatArrayText.TryParse("[ ]"u8, []));
    }

    private static void AssertSameAsFloatParse(IReadOnlyList<string> texts)
    {
        var json = Encoding.UTF8.GetBytes("[" + string.Join(",", texts) + "]");
        var output = new float[texts.Count];
        Assert.True(FloatArrayText.TryParse(json, output));
        for (var i = 0; i < texts.Count; i++)
        {
            var expected = float.Parse(texts[i], NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(output[i]), texts[i] + ": expected " + expected.ToString("R", CultureInfo.InvariantCulture) + " got " + output[i].ToString("R", CultureInfo.InvariantCulture));
        }
    }
}
