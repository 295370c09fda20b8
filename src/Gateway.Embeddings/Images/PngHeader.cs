using System.Buffers.Binary;

namespace Gateway.Embeddings.Images;

/// <summary>What a PNG's IHDR, PLTE and tRNS say, and the conversion of one unfiltered scanline to 8-bit RGBA.</summary>
internal sealed record PngHeader(int Width, int Height, int BitDepth, int ColorType, int Channels, bool Interlaced, byte[]? Palette, byte[]? Transparency)
{
    /// <summary>Writes the pixels of <paramref name="line"/> (one unfiltered scanline) at <paramref name="columns"/> as RGBA
    /// into <paramref name="rgba"/>, 4 bytes per column.</summary>
    public void ToRgba(ReadOnlySpan<byte> line, ReadOnlySpan<int> columns, Span<byte> rgba)
    {
        if (BitDepth == 8 && Transparency is null && ColorType is 0 or 2 or 6)
        {
            ToRgbaFast(line, columns, rgba);
            return;
        }

        for (var i = 0; i < columns.Length; i++)
        {
            var x = columns[i];
            var o = i * 4;
            switch (ColorType)
            {
                case 0:
                    {
                        var raw = Sample(line, x);
                        var gray = Scale(raw);
                        rgba[o] = rgba[o + 1] = rgba[o + 2] = gray;
                        rgba[o + 3] = Transparency is { Length: >= 2 } t && BinaryPrimitives.ReadUInt16BigEndian(t) == raw ? (byte)0 : (byte)255;
                        break;
                    }

                case 2:
                    {
                        var (r, g, b) = (Sample(line, x * 3), Sample(line, (x * 3) + 1), Sample(line, (x * 3) + 2));
                        rgba[o] = Scale(r);
                        rgba[o + 1] = Scale(g);
                        rgba[o + 2] = Scale(b);
                        rgba[o + 3] = Transparency is { Length: >= 6 } t && BinaryPrimitives.ReadUInt16BigEndian(t) == r
                            && BinaryPrimitives.ReadUInt16BigEndian(t.AsSpan(2)) == g && BinaryPrimitives.ReadUInt16BigEndian(t.AsSpan(4)) == b ? (byte)0 : (byte)255;
                        break;
                    }

                case 3:
                    {
                        var index = Sample(line, x);
                        var palette = Palette!;
                        if ((index * 3) + 2 < palette.Length)
                        {
                            rgba[o] = palette[index * 3];
                            rgba[o + 1] = palette[(index * 3) + 1];
                            rgba[o + 2] = palette[(index * 3) + 2];
                        }
                        else
                        {
                            rgba[o] = rgba[o + 1] = rgba[o + 2] = 0; // an index past the palette: black, as libpng does
                        }

                        rgba[o + 3] = Transparency is { } alpha && index < alpha.Length ? alpha[index] : (byte)255;
                        break;
                    }

                case 4:
                    rgba[o] = rgba[o + 1] = rgba[o + 2] = Scale(Sample(line, x * 2));
                    rgba[o + 3] = Scale(Sample(line, (x * 2) + 1));
                    break;
                default:
                    for (var c = 0; c < 4; c++)
                    {
                        rgba[o + c] = Scale(Sample(line, (x * 4) + c));
                    }

                    break;
            }
        }
    }

    /// <summary>The common 8-bit grey, RGB and RGBA files without tRNS, without a switch per sample.</summary>
    private void ToRgbaFast(ReadOnlySpan<byte> line, ReadOnlySpan<int> columns, Span<byte> rgba)
    {
        var channels = Channels;
        for (var i = 0; i < columns.Length; i++)
        {
            var p = line.Slice(columns[i] * channels, channels);
            var o = rgba.Slice(i * 4, 4);
            if (channels == 1)
            {
                o[0] = o[1] = o[2] = p[0];
                o[3] = 255;
            }
            else
            {
                o[0] = p[0];
                o[1] = p[1];
                o[2] = p[2];
                o[3] = channels == 4 ? p[3] : (byte)255;
            }
        }
    }

    /// <summary>The <paramref name="index"/>-th sample of the line at the file's bit depth.</summary>
    private int Sample(ReadOnlySpan<byte> line, int index) => BitDepth switch
    {
        8 => line[index],
        16 => BinaryPrimitives.ReadUInt16BigEndian(line[(index * 2)..]),
        _ => (line[index * BitDepth / 8] >> (8 - BitDepth - (index * BitDepth % 8))) & ((1 << BitDepth) - 1),
    };

    /// <summary>A sample at the file's bit depth as 8 bits (16-bit keeps its high byte; palette indices are not scaled).</summary>
    private byte Scale(int sample) => BitDepth switch
    {
        8 => (byte)sample,
        16 => (byte)(sample >> 8),
        _ => (byte)(sample * 255 / ((1 << BitDepth) - 1)),
    };
}
