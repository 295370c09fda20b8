using System.Globalization;

namespace Gateway.EmbeddedStore.Mapping;

/// <summary>Names, parsing and storage sizes of <see cref="VectorElementType"/>.</summary>
internal static class VectorElementTypes
{
    /// <summary>The names Elasticsearch lists in its "invalid element_type" error.</summary>
    public const string Available = "[bfloat16, bit, byte, float]";

    public static VectorElementType? Parse(string name) => name switch
    {
        "float" => VectorElementType.Float,
        "byte" => VectorElementType.Byte,
        "bit" => VectorElementType.Bit,
        "bfloat16" => VectorElementType.BFloat16,
        _ => null,
    };

    public static string Name(VectorElementType type) => type switch
    {
        VectorElementType.Byte => "byte",
        VectorElementType.Bit => "bit",
        VectorElementType.BFloat16 => "bfloat16",
        _ => "float",
    };

    /// <summary>Whether values are whole bytes (byte and bit) rather than floats.</summary>
    public static bool IsByteValued(VectorElementType type) => type is VectorElementType.Byte or VectorElementType.Bit;

    /// <summary>How many stored values a vector of <paramref name="dims"/> dimensions has (bit: one byte per 8 dims).</summary>
    public static int StoredLength(VectorElementType type, int dims) => type == VectorElementType.Bit ? dims / 8 : dims;

    /// <summary>The dims a vector of <paramref name="storedLength"/> stored values represents.</summary>
    public static int Dims(VectorElementType type, int storedLength) => type == VectorElementType.Bit ? storedLength * 8 : storedLength;

    /// <summary>Rounds a float to bfloat16 precision (round half to even on the upper 16 bits), as ES stores bfloat16.</summary>
    public static float ToBFloat16(float value)
    {
        if (float.IsNaN(value))
        {
            return value;
        }

        var bits = BitConverter.SingleToUInt32Bits(value);
        var rounded = bits + 0x7FFFu + ((bits >> 16) & 1u);
        return BitConverter.UInt32BitsToSingle(rounded & 0xFFFF0000u);
    }

    /// <summary>
    /// Elasticsearch's check of one byte or bit element (a whole number in −128..127; <c>127.0</c> is accepted):
    /// null when valid, else its message.
    /// </summary>
    public static string? ByteValueError(double number, VectorElementType type, int dim)
    {
        var value = (float)number;
        if (value % 1f != 0f)
        {
            return "element_type [" + Name(type) + "] vectors only support non-decimal values but found decimal value [" +
                value.ToString(CultureInfo.InvariantCulture) + "] at dim [" + dim + "];";
        }

        return value is < sbyte.MinValue or > sbyte.MaxValue
            ? "element_type [" + Name(type) + "] vectors only support integers between [-128, 127] but found [" +
                ((long)value).ToString(CultureInfo.InvariantCulture) + "] at dim [" + dim + "];"
            : null;
    }
}
