using System.Buffers.Binary;
using System.IO.Compression;

namespace Gateway.TestSupport;

/// <summary>
/// Writes PNGs of any colour type and bit depth, with a different filter on each row (so every unfilter path runs),
/// streaming the rows through zlib so that a 14000 × 14000 test image never exists in memory. Skia encodes only a few
/// colour types, hence this writer.
/// </summary>
public static class PngTestWriter
{
    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }

        return c;
    })];

    /// <summary>A PNG of <paramref name="colorType"/> at <paramref name="bitDepth"/>; <paramref name="sample"/> gives the sample of
    /// channel c of pixel (x, y) at that depth (a palette index for type 3). With <paramref name="interlaced"/> only the
    /// header says so (the rows stay sequential): enough to test that a reader declines it.</summary>
    public static byte[] Write(int width, int height, int colorType, int bitDepth, Func<int, int, int, int> sample,
        byte[]? palette = null, byte[]? transparency = null, bool interlaced = false)
    {
        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        var rowBytes = ((width * channels * bitDepth) + 7) / 8;
        var stride = Math.Max(1, channels * bitDepth / 8);
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        (ihdr[8], ihdr[9], ihdr[12]) = ((byte)bitDepth, (byte)colorType, (byte)(interlaced ? 1 : 0));
        Chunk(output, "IHDR", ihdr);
        if (palette is not null)
        {
            Chunk(output, "PLTE", palette);
        }

        if (transparency is not null)
        {
            Chunk(output, "tRNS", transparency);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var previous = new byte[rowBytes];
            var raw = new byte[rowBytes];
            var filtered = new byte[rowBytes];
            for (var y = 0; y < height; y++)
            {
                Array.Clear(raw);
                for (var x = 0; x < width; x++)
                {
                    for (var c = 0; c < channels; c++)
                    {
                        Put(raw, (x * channels) + c, bitDepth, sample(x, y, c));
                    }
                }

                var filter = (byte)(y % 5);
                Filter(filter, raw, previous, filtered, stride);
                zlib.WriteByte(filter);
                zlib.Write(filtered);
                (previous, raw) = (raw, previous);
            }
        }

        // Two IDAT chunks, so that the reader has to join them.
        var data = compressed.ToArray();
        var half = data.Length / 2;
        Chunk(output, "IDAT", data.AsSpan(0, half));
        Chunk(output, "IDAT", data.AsSpan(half));
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Put(byte[] row, int index, int bitDepth, int value)
    {
        switch (bitDepth)
        {
            case 8:
                row[index] = (byte)value;
                break;
            case 16:
                BinaryPrimitives.WriteUInt16BigEndian(row.AsSpan(index * 2), (ushort)value);
                break;
            default:
                var bit = index * bitDepth;
                row[bit / 8] |= (byte)(value << (8 - bitDepth - (bit % 8)));
                break;
        }
    }

    private static void Filter(byte filter, byte[] raw, byte[] above, byte[] output, int stride)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            int left = i >= stride ? raw[i - stride] : 0, up = above[i], corner = i >= stride ? above[i - stride] : 0;
            var predictor = filter switch
            {
                1 => left,
                2 => up,
                3 => (left + up) >> 1,
                4 => Paeth(left, up, corner),
                _ => 0,
            };
            output[i] = (byte)(raw[i] - predictor);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typeBytes.Concat(data.ToArray()))
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        BinaryPrimitives.WriteUInt32BigEndian(word, crc ^ 0xFFFFFFFFu);
        output.Write(word);
    }
}
