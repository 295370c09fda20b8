using System.Buffers.Binary;
using Gateway.EmbeddedStore.Errors;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>Decodes query vectors given as strings: hex (byte vectors) or base64 big-endian floats.</summary>
internal static class VectorText
{
    public static float[] Decode(string text)
    {
        if (text.Length % 2 == 0 && text.All(Uri.IsHexDigit))
        {
            var bytes = Convert.FromHexString(text);
            return bytes.Select(b => (float)(sbyte)b).ToArray();
        }

        try
        {
            var raw = Convert.FromBase64String(text);
            if (raw.Length % 4 != 0)
            {
                throw StoreException.IllegalArgument("Failed to parse [query_vector]: base64 length is not a multiple of 4 bytes");
            }

            var result = new float[raw.Length / 4];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = BinaryPrimitives.ReadSingleBigEndian(raw.AsSpan(i * 4, 4));
            }

            return result;
        }
        catch (FormatException)
        {
            throw StoreException.IllegalArgument("Failed to parse [query_vector]: [" + text + "] is neither hex nor base64");
        }
    }
}
