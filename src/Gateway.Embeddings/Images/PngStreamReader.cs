using System.Buffers.Binary;
using System.IO.Compression;

namespace Gateway.Embeddings.Images;

/// <summary>
/// Decodes a non-interlaced PNG row by row straight into a <see cref="BoxDownscaler"/>, so that a large PNG costs two
/// rows of memory plus the shrunk result instead of its full size (a 14000 × 14000 PNG of under 1 MB is 784 MB as
/// RGBA). Hand-written because neither decoder we ship can do it: SkiaSharp's PNG codec decodes only into a
/// full-size buffer (its incremental decoder writes every row at its place; it has no scanline decoder for PNG), and
/// Magick.NET reads the whole image into its pixel cache before any resize. The format is small (RFC 2083 / PNG
/// 3rd edition): zlib-compressed scanlines, each behind one filter byte. Every colour type and bit depth is read;
/// 16-bit samples keep their high byte (as an 8-bit decode does). Interlaced (Adam7) files return null and take the
/// full-size path, bounded by <see cref="ImageDecodeOptions.MaxPixels"/>.
/// </summary>
internal static class PngStreamReader
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image shrunk by <paramref name="factor"/>; null when the file is interlaced (not streamable).
    /// A malformed file is an <see cref="ImageDecodeException"/> naming <paramref name="label"/>.</summary>
    public static PixelBuffer? Read(byte[] data, string label, int factor, CancellationToken cancellationToken, Action<int>? onRows = null)
    {
        var header = ReadHeader(data, label);
        if (header.Interlaced)
        {
            return null;
        }

        var scaler = new BoxDownscaler(header.Width, header.Height, factor);
        var rowBytes = checked((int)(((long)header.Width * header.Channels * header.BitDepth + 7) / 8));
        var stride = Math.Max(1, header.Channels * header.BitDepth / 8);
        var previous = new byte[rowBytes];
        var current = new byte[rowBytes];
        var columns = scaler.Columns;
        var rgba = new byte[checked(columns.Length * 4)];
        using var inflater = new ZLibStream(new IdatStream(data), CompressionMode.Decompress);
        for (var y = 0; y < header.Height; y++)
        {
            if ((y & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var filter = ReadByte(inflater, label, y);
            ReadExactly(inflater, current, label, y);
            Unfilter(filter, current, previous, stride, label, y);
            if (scaler.Wants(y))
            {
                header.ToRgba(current, columns, rgba);
                scaler.Add(rgba);
            }

            scaler.EndRow();
            (previous, current) = (current, previous);
            if ((y & 63) == 63)
            {
                onRows?.Invoke(64);
            }
        }

        onRows?.Invoke(header.Height & 63);
        return scaler.Result();
    }

    private static PngHeader ReadHeader(byte[] data, string label)
    {
        if (data.Length < 8 + 25 || !data.AsSpan(0, 8).SequenceEqual(Signature) || !data.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new ImageDecodeException($"{label} could not be decoded as Png: the PNG header is missing or damaged");
        }

        var ihdr = data.AsSpan(16, 13);
        var width = BinaryPrimitives.ReadInt32BigEndian(ihdr);
        var height = BinaryPrimitives.ReadInt32BigEndian(ihdr[4..]);
        var (bitDepth, colorType, interlace) = (ihdr[8], ihdr[9], ihdr[12]);
        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        var depthOk = colorType switch
        {
            0 => bitDepth is 1 or 2 or 4 or 8 or 16,
            3 => bitDepth is 1 or 2 or 4 or 8,
            _ => bitDepth is 8 or 16,
        };
        if (width <= 0 || height <= 0 || channels == 0 || !depthOk || ihdr[10] != 0 || ihdr[11] != 0 || interlace > 1)
        {
            throw new ImageDecodeException($"{label} could not be decoded as Png: its header is invalid (colour type {colorType}, bit depth {bitDepth})");
        }

        byte[]? palette = null;
        byte[]? transparency = null;
        foreach (var (type, start, length) in Chunks(data))
        {
            if (type.SequenceEqual("PLTE"u8))
            {
                palette = data.AsSpan(start, length).ToArray();
            }
            else if (type.SequenceEqual("tRNS"u8))
            {
                transparency = data.AsSpan(start, length).ToArray();
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                break;
            }
        }

        if (colorType == 3 && palette is null)
        {
            throw new ImageDecodeException($"{label} could not be decoded as Png: a palette image without its palette (PLTE)");
        }

        return new PngHeader(width, height, bitDepth, colorType, channels, interlace == 1, palette, transparency);
    }

    /// <summary>(type, data offset, data length) of each chunk after the signature, up to the end or a damaged chunk.</summary>
    internal static IEnumerable<(byte[] Type, int Start, int Length)> Chunks(byte[] data)
    {
        var at = 8;
        while (at + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at));
            if (length < 0 || at + 12L + length > data.Length)
            {
                yield break;
            }

            yield return (data.AsSpan(at + 4, 4).ToArray(), at + 8, length);
            at += 12 + length;
        }
    }

    private static byte ReadByte(Stream stream, string label, int row)
    {
        var value = stream.ReadByte();
        return value < 0 ? throw Truncated(label, row) : (byte)value;
    }

    private static void ReadExactly(Stream stream, byte[] buffer, string label, int row)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw Truncated(label, row);
        }
        catch (InvalidDataException ex)
        {
            throw new ImageDecodeException($"{label} could not be decoded as Png: the image data is corrupt ({ex.Message})", inner: ex);
        }
    }

    private static ImageDecodeException Truncated(string label, int row) =>
        new($"{label} could not be decoded as Png: the file is truncated (the image data ends at row {row})");

    private static void Unfilter(byte filter, Span<byte> row, ReadOnlySpan<byte> above, int stride, string label, int y)
    {
        switch (filter)
        {
            case 0:
                break;
            case 1:
                for (var i = stride; i < row.Length; i++)
                {
                    row[i] += row[i - stride];
                }

                break;
            case 2:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] += above[i];
                }

                break;
            case 3:
                for (var i = 0; i < row.Length; i++)
                {
                    var left = i >= stride ? row[i - stride] : 0;
                    row[i] += (byte)((left + above[i]) >> 1);
                }

                break;
            case 4:
                for (var i = 0; i < row.Length; i++)
                {
                    var left = i >= stride ? row[i - stride] : 0;
                    var corner = i >= stride ? above[i - stride] : 0;
                    row[i] += Paeth(left, above[i], corner);
                }

                break;
            default:
                throw new ImageDecodeException($"{label} could not be decoded as Png: row {y} has an unknown filter type {filter}");
        }
    }

    private static byte Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
    }

    /// <summary>The concatenated data of the IDAT chunks, read in place.</summary>
    private sealed class IdatStream(byte[] data) : Stream
    {
        private readonly IEnumerator<(byte[] Type, int Start, int Length)> _chunks = Chunks(data).SkipWhile(c => !c.Type.AsSpan().SequenceEqual("IDAT"u8)).GetEnumerator();
        private int _at;
        private int _left;
        private bool _done;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (_left == 0 && !_done)
            {
                if (_chunks.MoveNext() && _chunks.Current.Type.AsSpan().SequenceEqual("IDAT"u8))
                {
                    (_at, _left) = (_chunks.Current.Start, _chunks.Current.Length);
                }
                else
                {
                    _done = true;
                }
            }

            var count = Math.Min(buffer.Length, _left);
            data.AsSpan(_at, count).CopyTo(buffer);
            (_at, _left) = (_at + count, _left - count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _chunks.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
