using System.Buffers;
using System.Runtime.CompilerServices;

namespace Gateway.EmbeddedStore.Storage;

/// <summary>
/// Lossless packing of JSON text for the translog and snapshots: every run of at least
/// <see cref="MinimumRun"/> characters from the 16 that make up numbers and number lists
/// (<c>0-9 . - , e E +</c>) is stored two characters per byte. A 768-float vector written as
/// text is almost all such a run, so a photo document shrinks to about half while the source
/// comes back byte for byte, with no float formatting or parsing. Hand-rolled: the general
/// compressors in the BCL (Deflate, Brotli) cost ten times more CPU per document.
/// </summary>
/// <remarks>
/// Layout: <c>[varint text length]</c> then chunks, each <c>[varint (length &lt;&lt; 1) | packed]</c>
/// followed by <c>length</c> literal bytes, or by <c>ceil(length / 2)</c> bytes of 4-bit codes
/// (high nibble first).
/// </remarks>
internal static class NumberTextPacker
{
    public const int MinimumRun = 16;

    private static readonly SearchValues<byte> Packable = SearchValues.Create(Symbols);

    private static readonly byte[] Codes = BuildCodes();

    private static ReadOnlySpan<byte> Symbols => "0123456789.-,eE+"u8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pack(ReadOnlySpan<byte> text, ArrayBufferWriter<byte> output)
    {
        WriteVarint(output, (uint)text.Length);
        var literalStart = 0;
        var position = 0;
        while (position < text.Length)
        {
            var found = text[position..].IndexOfAny(Packable);
            if (found < 0)
            {
                break;
            }

            var start = position + found;
            var length = text[start..].IndexOfAnyExcept(Packable);
            var end = length < 0 ? text.Length : start + length;
            if (end - start >= MinimumRun)
            {
                WriteLiteral(output, text[literalStart..start]);
                WritePacked(output, text[start..end]);
                literalStart = end;
            }

            position = end;
        }

        WriteLiteral(output, text[literalStart..]);
    }

    /// <summary>The original text; throws <see cref="InvalidDataException"/> on a malformed packing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[] Unpack(ReadOnlySpan<byte> packed)
    {
        var position = 0;
        var length = (int)ReadVarint(packed, ref position);
        var text = GC.AllocateUninitializedArray<byte>(length, pinned: true);
        var written = 0;
        while (position < packed.Length)
        {
            var header = ReadVarint(packed, ref position);
            var count = (int)(header >> 1);
            if (count > length - written)
            {
                throw new InvalidDataException("packed text is longer than its declared length");
            }

            if ((header & 1) == 0)
            {
                packed.Slice(position, count).CopyTo(text.AsSpan(written));
                position += count;
            }
            else
            {
                var bytes = packed.Slice(position, (count + 1) / 2);
                var target = text.AsSpan(written, count);
                var symbols = Symbols;
                for (var i = 0; i < count / 2; i++)
                {
                    target[2 * i] = symbols[bytes[i] >> 4];
                    target[(2 * i) + 1] = symbols[bytes[i] & 0xF];
                }

                if ((count & 1) == 1)
                {
                    target[^1] = symbols[bytes[^1] >> 4];
                }

                position += bytes.Length;
            }

            written += count;
        }

        return written == length ? text : throw new InvalidDataException("packed text is shorter than its declared length");
    }

    private static void WriteLiteral(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> literal)
    {
        if (literal.IsEmpty)
        {
            return;
        }

        WriteVarint(output, (uint)literal.Length << 1);
        output.Write(literal);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WritePacked(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> run)
    {
        WriteVarint(output, ((uint)run.Length << 1) | 1);
        var target = output.GetSpan((run.Length + 1) / 2);
        var codes = Codes;
        for (var i = 0; i < run.Length / 2; i++)
        {
            target[i] = (byte)((codes[run[2 * i]] << 4) | codes[run[(2 * i) + 1]]);
        }

        if ((run.Length & 1) == 1)
        {
            target[run.Length / 2] = (byte)(codes[run[^1]] << 4);
        }

        output.Advance((run.Length + 1) / 2);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> output, uint value)
    {
        var span = output.GetSpan(5);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        output.Advance(i);
    }

    private static uint ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = data[position++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("varint too long");
    }

    private static byte[] BuildCodes()
    {
        var codes = new byte[256];
        for (var i = 0; i < Symbols.Length; i++)
        {
            codes[Symbols[i]] = (byte)i;
        }

        return codes;
    }
}
