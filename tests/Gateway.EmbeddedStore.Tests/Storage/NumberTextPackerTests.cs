using System.Buffers;
using System.Globalization;
using System.Text;
using Gateway.EmbeddedStore.Storage;

namespace Gateway.EmbeddedStore.Tests.Storage;

public sealed class NumberTextPackerTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"a":1,"b":-2.5e+3}""")]
    [InlineData("""{"t":"2024-10-01T06:00:00Z","n":"ア","v":[1,2,3,4,5,6,7,8,9,10,11,12]}""")]
    [InlineData("0123456789.-,eE+")]
    [InlineData("0123456789.-,eE+0")]
    [InlineData("[0.1,0.2,0.3,0.4,0.5,0.6]x[1,2]")]
    public void PackThenUnpack_GivesTheSameBytes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.Equal(bytes, NumberTextPacker.Unpack(Pack(bytes)));
    }

    [Fact]
    public void Pack_VectorDocument_HalvesItAndRoundTrips()
    {
        var random = new Random(7);
        var floats = Enumerable.Range(0, 768).Select(_ => ((float)(random.NextDouble() * 2 - 1)).ToString("R", CultureInfo.InvariantCulture));
        var bytes = Encoding.UTF8.GetBytes("""{"path":"a/IMG_1.HEIC","shot_time":"2024-10-01T06:00:00Z","gps":{"lat":27.81,"lon":86.71},"clip_image":[""" + string.Join(",", floats) + "]}");

        var packed = Pack(bytes);

        Assert.Equal(bytes, NumberTextPacker.Unpack(packed));
        Assert.InRange(packed.Length, bytes.Length / 2, (bytes.Length / 2) + 100);
    }

    [Fact]
    public void Unpack_LengthMismatch_Throws()
    {
        var packed = Pack("""{"v":[1.25,2.5,3.75,4.125,5]}"""u8.ToArray());
        packed[0]++;

        Assert.Throws<InvalidDataException>(() => NumberTextPacker.Unpack(packed));
    }

    private static byte[] Pack(byte[] text)
    {
        var output = new ArrayBufferWriter<byte>();
        NumberTextPacker.Pack(text, output);
        return output.WrittenSpan.ToArray();
    }
}
