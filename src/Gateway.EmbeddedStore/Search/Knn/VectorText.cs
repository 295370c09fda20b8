using System.Buffers.Binary;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>
/// Decodes vectors given as strings, as Elasticsearch 9 does: hex (one byte per value, byte and bit vectors; also
/// widened to float in a query) or base64 (raw bytes for byte and bit, big-endian float32 for float, big-endian
/// bfloat16 or float32 for bfloat16). When both readings are possible, the one giving the expected length wins
/// (hex first), so <c>000000</c> is three hex bytes for a three-dimensional byte field.
/// </summary>
internal static class VectorText
{
    /// <summary>
    /// Returns the stored values (bytes as their signed value, bit vectors as their packed bytes), or null with
    /// <paramref name="error"/> set. <paramref name="storedLength"/> is the expected number of values, when known.
    /// </summary>
    public static float[]? Decode(string text, VectorElementType element, int? storedLength, bool hexForFloats, out string? error)
    {
        error = null;
        var hex = IsHex(text) ? Convert.FromHexString(text) : null;
        var raw = Base64(text);
        if (VectorElementTypes.IsByteValued(element))
        {
            var bytes = Pick(storedLength, hex, raw);
            if (bytes is null)
            {
                error = "[" + text + "] is neither a hex nor a base64 encoded " + VectorElementTypes.Name(element) + " vector";
                return null;
            }

            return Widen(bytes);
        }

        float[]? floats = raw is not null && raw.Length % 4 == 0 ? Floats(raw) : null;
        float[]? halves = element == VectorElementType.BFloat16 && raw is not null && raw.Length % 2 == 0 ? BFloat16s(raw) : null;
        var fromHex = hexForFloats && hex is not null ? Widen(hex) : null;
        var chosen = Pick(storedLength, fromHex, floats, halves);
        if (chosen is null)
        {
            error = raw is not null
                ? "base64 encoded vector [" + text + "] has " + raw.Length + " bytes, which is not a whole number of " + (element == VectorElementType.BFloat16 ? "bfloat16 or " : "") + "float values"
                : "[" + text + "] is not a valid base64 encoded vector";
            return null;
        }

        if (element == VectorElementType.BFloat16)
        {
            for (var i = 0; i < chosen.Length; i++)
            {
                chosen[i] = VectorElementTypes.ToBFloat16(chosen[i]);
            }
        }

        return chosen;
    }

    // The first reading of the expected length, else the first reading at all (its length is then refused).
    private static T[]? Pick<T>(int? expected, params T[]?[] readings) =>
        readings.FirstOrDefault(r => r is not null && r.Length == expected) ?? readings.FirstOrDefault(r => r is not null);

    private static bool IsHex(string text) => text.Length > 0 && text.Length % 2 == 0 && text.All(Uri.IsHexDigit);

    // Standard base64 with its padding, as the encoded vectors Elasticsearch documents are.
    private static byte[]? Base64(string text)
    {
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static float[] Widen(byte[] bytes) => bytes.Select(b => (float)(sbyte)b).ToArray();

    private static float[] Floats(byte[] raw)
    {
        var result = new float[raw.Length / 4];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = BinaryPrimitives.ReadSingleBigEndian(raw.AsSpan(i * 4, 4));
        }

        return result;
    }

    private static float[] BFloat16s(byte[] raw)
    {
        var result = new float[raw.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = BitConverter.UInt32BitsToSingle((uint)BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(i * 2, 2)) << 16);
        }

        return result;
    }
}
