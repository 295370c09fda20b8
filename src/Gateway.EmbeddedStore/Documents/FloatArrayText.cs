using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>
/// Parses the UTF-8 text of a JSON array of numbers (already validated as JSON) straight into
/// floats. Hand-rolled because <see cref="Utf8Parser"/> costs about 70 ns a number, most of a
/// 768-d document's parse time: the fast path (Clinger's: an integer mantissa below 2^53 scaled
/// by an exact power of ten is correctly rounded by one IEEE operation) covers the digits that
/// JSON writers emit for float32, and every other number goes to <see cref="Utf8Parser"/>, so the
/// result is bit-for-bit what <see cref="float.Parse(string)"/> gives. The loops are compiled
/// optimised from the first call: a bulk load or a start-up replay runs them thousands of times
/// before tiered compilation would promote them.
/// </summary>
internal static class FloatArrayText
{
    private const ulong MaxExactMantissa = 1UL << 53;

    // 2^-126: below it floats are subnormal and keep fewer bits than the check below assumes.
    private const double SmallestNormalFloat = 1.1754943508222875e-38;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// Fills <paramref name="output"/> from the array text <paramref name="json"/> (<c>[1.5, -2e-3]</c>).
    /// Returns false, leaving the error to the caller, when an element is not a number (in JSON's
    /// grammar), is not finite as a float, or the count differs from the output length.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> json, Span<float> output) => TryParse(json, output, out _);

    /// <summary>As <see cref="TryParse(ReadOnlySpan{byte}, Span{float})"/>; <paramref name="end"/> is the index after the closing bracket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> json, Span<float> output, out int end)
    {
        end = 0;
        var position = SkipSpace(json, 0);
        if (position >= json.Length || json[position] != (byte)'[')
        {
            return false;
        }

        position = SkipSpace(json, position + 1);
        var count = 0;
        if (position < json.Length && json[position] == (byte)']')
        {
            end = position + 1;
            return output.Length == 0;
        }

        while (position < json.Length)
        {
            if (count == output.Length || !TryParseNumber(json, ref position, out var value) || !float.IsFinite(value))
            {
                return false;
            }

            output[count++] = value;
            position = SkipSpace(json, position);
            if (position >= json.Length)
            {
                return false;
            }

            var separator = json[position];
            if (separator == (byte)']')
            {
                end = position + 1;
                return count == output.Length;
            }

            position = SkipSpace(json, position + 1);

            if (separator != (byte)',')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Parses one JSON number at <paramref name="position"/> and moves past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseNumber(ReadOnlySpan<byte> json, ref int position, out float value)
    {
        var start = position;
        var i = position;
        var negative = i < json.Length && json[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        if (i >= json.Length || !char.IsAsciiDigit((char)json[i]))
        {
            value = 0;
            return false;
        }

        // JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
        ulong mantissa = 0;
        var exponent = 0;
        var exact = true;
        var leadingZero = json[i] == (byte)'0';
        var digitsStart = i;
        for (; i < json.Length && char.IsAsciiDigit((char)json[i]); i++)
        {
            exact &= Accumulate(ref mantissa, json[i]);
        }

        if (leadingZero && i - digitsStart > 1)
        {
            value = 0;
            return false;
        }

        if (i < json.Length && json[i] == (byte)'.')
        {
            var fractionStart = ++i;
            for (; i < json.Length && char.IsAsciiDigit((char)json[i]); i++)
            {
                exact &= Accumulate(ref mantissa, json[i]);
                exponent--;
            }

            if (i == fractionStart)
            {
                value = 0;
                return false;
            }
        }

        if (i < json.Length && (json[i] | 0x20) == (byte)'e')
        {
            i++;
            var negativeExponent = i < json.Length && json[i] == (byte)'-';
            if (i < json.Length && json[i] is (byte)'-' or (byte)'+')
            {
                i++;
            }

            var given = 0;
            var exponentStart = i;
            for (; i < json.Length && char.IsAsciiDigit((char)json[i]); i++)
            {
                given = Math.Min(given * 10 + (json[i] - '0'), 100_000);
            }

            if (i == exponentStart)
            {
                value = 0;
                return false;
            }

            exponent += negativeExponent ? -given : given;
        }

        position = i;
        if (exact && TryFast(mantissa, exponent, negative, out value))
        {
            return true;
        }

        return Utf8Parser.TryParse(json[start..i], out value, out var consumed) && consumed == i - start;
    }

    private static bool Accumulate(ref ulong mantissa, byte digit)
    {
        mantissa = mantissa * 10 + (ulong)(digit - '0');
        return mantissa <= MaxExactMantissa;
    }

    private static bool TryFast(ulong mantissa, int exponent, bool negative, out float value)
    {
        value = 0;
        if (mantissa == 0)
        {
            value = negative ? -0f : 0f;
            return true;
        }

        if (exponent is < -22 or > 22)
        {
            return false;
        }

        var scaled = exponent < 0 ? mantissa / PowersOfTen[-exponent] : mantissa * PowersOfTen[exponent];
        // Rounding the correctly rounded double to float rounds the decimal correctly too, except
        // when the double lands exactly halfway between two floats (double rounding), and outside
        // the normal float range where float keeps fewer bits.
        var bits = BitConverter.DoubleToUInt64Bits(scaled);
        if ((bits & ((1UL << 29) - 1)) == 1UL << 28 || scaled < SmallestNormalFloat || scaled > float.MaxValue)
        {
            return false;
        }

        value = (float)(negative ? -scaled : scaled);
        return true;
    }

    private static int SkipSpace(ReadOnlySpan<byte> json, int position)
    {
        while (position < json.Length && json[position] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            position++;
        }

        return position;
    }
}
