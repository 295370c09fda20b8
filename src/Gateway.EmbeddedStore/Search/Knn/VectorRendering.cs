using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Documents;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>
/// How a dense_vector value is returned: in <c>docvalue_fields</c> (one array per vector, or base64 with
/// <c>format: binary</c>), in <c>fields</c> (the source value), and in a <c>_source</c> whose vectors are rebuilt
/// from the index (ES 9.2's synthetic vectors: decoded from base64/hex, at the element type's precision).
/// </summary>
internal static class VectorRendering
{
    /// <summary>The stored values as JSON numbers: whole numbers for byte and bit vectors, floats otherwise.</summary>
    public static JsonArray Values(float[] vector, VectorElementType element) =>
        VectorElementTypes.IsByteValued(element)
            ? new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create((int)v)).ToArray())
            : new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    /// <summary>A <c>docvalue_fields</c> entry: <c>[[v1, v2, ...]]</c>, or <c>["base64"]</c> with format <c>binary</c>.</summary>
    public static JsonArray DocValue(FieldValues values, string? format)
    {
        var vector = values.Vector!;
        var element = values.Mapping.ElementType;
        return format switch
        {
            null or "array" => new JsonArray(Values(vector, element)),
            "binary" => new JsonArray(JsonValue.Create(Convert.ToBase64String(Binary(vector, element)))),
            _ => throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "Unsupported format [" + format + "] for field [" + values.Mapping.Path + "] of type [dense_vector]: expected [array] or [binary]")),
        };
    }

    /// <summary>
    /// Replaces each dense_vector value in <paramref name="source"/> (in place) by the values the index holds for it:
    /// hex and base64 decoded, bfloat16 at bfloat16 precision, bytes as whole numbers (float arrays are left as sent).
    /// </summary>
    public static JsonObject Synthesize(JsonObject source, IndexMapping mapping)
    {
        Synthesize(source, string.Empty, mapping);
        return source;
    }

    private static void Synthesize(JsonObject obj, string prefix, IndexMapping mapping)
    {
        foreach (var (key, value) in obj.ToList())
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (mapping.Find(path) is { Kind: FieldKind.DenseVector } field)
            {
                if (Decoded(value, field) is { } vector)
                {
                    obj[key] = Values(vector, field.ElementType);
                }

                continue;
            }

            if (value is JsonObject child)
            {
                Synthesize(child, path, mapping);
            }
            else if (value is JsonArray array)
            {
                foreach (var element in array.OfType<JsonObject>())
                {
                    Synthesize(element, path, mapping);
                }
            }
        }
    }

    // The stored values of a source value that parsed when it was indexed (null leaves the value as it is).
    private static float[]? Decoded(JsonNode? value, FieldMapping field)
    {
        var element = field.ElementType;
        if (value is JsonValue text && text.TryGetValue<string>(out var encoded))
        {
            var expected = field.Dims is { } d ? VectorElementTypes.StoredLength(element, d) : (int?)null;
            return VectorText.Decode(encoded, element, expected, hexForFloats: false, out _);
        }

        // A float array is returned as sent (its numbers are the indexed values); byte arrays as whole numbers,
        // bfloat16 arrays at bfloat16 precision.
        if (element == VectorElementType.Float || value is not JsonArray array || array.Any(v => v is not JsonValue))
        {
            return null;
        }

        var vector = new float[array.Count];
        for (var i = 0; i < vector.Length; i++)
        {
            if (!double.TryParse(array[i]!.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            vector[i] = element == VectorElementType.BFloat16 ? VectorElementTypes.ToBFloat16((float)number) : (float)number;
        }

        return vector;
    }

    /// <summary>The value a source holds at a dotted path (objects only), or null.</summary>
    public static JsonNode? SourceValue(JsonObject source, string path) =>
        Parent(source, path) is { } parent ? parent[path[(path.LastIndexOf('.') + 1)..]] : null;

    private static JsonObject? Parent(JsonObject source, string path)
    {
        var parts = path.Split('.');
        var current = source;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (current[parts[i]] is not JsonObject next)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    // Elasticsearch's binary doc-value encoding: big-endian float32, big-endian bfloat16, or the raw bytes.
    private static byte[] Binary(float[] vector, VectorElementType element)
    {
        switch (element)
        {
            case VectorElementType.Byte or VectorElementType.Bit:
                return vector.Select(v => (byte)(sbyte)v).ToArray();
            case VectorElementType.BFloat16:
                var halves = new byte[vector.Length * 2];
                for (var i = 0; i < vector.Length; i++)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(halves.AsSpan(i * 2), (ushort)(BitConverter.SingleToUInt32Bits(vector[i]) >> 16));
                }

                return halves;
            default:
                var bytes = new byte[vector.Length * 4];
                for (var i = 0; i < vector.Length; i++)
                {
                    BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(i * 4), vector[i]);
                }

                return bytes;
        }
    }
}
