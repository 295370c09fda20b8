using System.Buffers.Binary;

namespace Gateway.Embeddings.Images;

/// <summary>
/// Cuts a baseline JPEG whose restart interval is a whole number of MCU rows (iPhones write one restart interval
/// per MCU row) into horizontal strips that are complete JPEGs of their own, so that the strips can be decoded in
/// parallel: entropy decoding, the part of a DCT-scaled decode that does not shrink, is otherwise single-threaded.
/// Strip boundaries fall on every 8th restart marker so that each strip's markers start again at RST0.
/// </summary>
internal static class JpegRestartSplitter
{
    /// <summary>The strips (JPEG bytes and pixel rows), or null when the file cannot be split this way.</summary>
    public static IReadOnlyList<(byte[] Jpeg, int Rows)>? Split(ReadOnlySpan<byte> jpeg, int strips)
    {
        try
        {
            return TrySplit(jpeg, strips);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static List<(byte[], int)>? TrySplit(ReadOnlySpan<byte> jpeg, int strips)
    {
        int pos = 2, sofAt = -1, restartInterval = 0, width = 0, height = 0, mcuWidth = 8, mcuHeight = 8;
        while (true)
        {
            if (jpeg[pos] != 0xFF)
            {
                return null;
            }
            var marker = jpeg[pos + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.Slice(pos + 2, 2));
            if (marker is 0xC0 or 0xC1)
            {
                sofAt = pos;
                height = BinaryPrimitives.ReadUInt16BigEndian(jpeg.Slice(pos + 5, 2));
                width = BinaryPrimitives.ReadUInt16BigEndian(jpeg.Slice(pos + 7, 2));
                for (var c = 0; c < jpeg[pos + 9]; c++)
                {
                    var sampling = jpeg[pos + 11 + (c * 3)];
                    mcuWidth = Math.Max(mcuWidth, 8 * (sampling >> 4));
                    mcuHeight = Math.Max(mcuHeight, 8 * (sampling & 0xF));
                }
            }
            else if (marker is >= 0xC2 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return null; // progressive, lossless or arithmetic: not split
            }
            else if (marker == 0xDD)
            {
                restartInterval = BinaryPrimitives.ReadUInt16BigEndian(jpeg.Slice(pos + 4, 2));
            }
            pos += 2 + length;
            if (marker == 0xDA)
            {
                break;
            }
        }
        var mcusPerRow = (width + mcuWidth - 1) / mcuWidth;
        if (sofAt < 0 || height == 0 || restartInterval == 0 || restartInterval % mcusPerRow != 0)
        {
            return null;
        }
        var rowsPerSegment = restartInterval / mcusPerRow * mcuHeight;
        var segmentStarts = new List<int> { pos };
        var end = -1;
        for (var i = pos; i + 1 < jpeg.Length; i++)
        {
            // Vectorised search for the next marker byte; 0xFF is rare in entropy-coded data (always stuffed as FF 00).
            var skip = jpeg[i..^1].IndexOf((byte)0xFF);
            if (skip < 0)
            {
                break;
            }
            i += skip;
            var next = jpeg[i + 1];
            if (next is >= 0xD0 and <= 0xD7)
            {
                segmentStarts.Add(i + 2);
                i++;
            }
            else if (next == 0xD9)
            {
                end = i;
                break;
            }
        }
        var segments = segmentStarts.Count;
        if (end < 0 || segments != (height + rowsPerSegment - 1) / rowsPerSegment)
        {
            return null;
        }
        // Segments per strip: a multiple of 8 so that every strip's restart markers count from RST0.
        var perStrip = (((segments + strips - 1) / strips) + 7) / 8 * 8;
        if (perStrip >= segments)
        {
            return null;
        }
        var header = jpeg[..segmentStarts[0]];
        var result = new List<(byte[], int)>();
        for (var first = 0; first < segments; first += perStrip)
        {
            var last = Math.Min(first + perStrip, segments);
            var dataEnd = last < segments ? segmentStarts[last] - 2 : end;
            var rows = Math.Min(height, last * rowsPerSegment) - (first * rowsPerSegment);
            var strip = new byte[header.Length + (dataEnd - segmentStarts[first]) + 2];
            header.CopyTo(strip);
            BinaryPrimitives.WriteUInt16BigEndian(strip.AsSpan(sofAt + 5, 2), (ushort)rows);
            jpeg[segmentStarts[first]..dataEnd].CopyTo(strip.AsSpan(header.Length));
            (strip[^2], strip[^1]) = (0xFF, 0xD9);
            result.Add((strip, rows));
        }
        return result;
    }
}
