using System.Text.Json;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>
/// Parses byte, bit and bfloat16 vectors, and vectors of any element type given as a string (hex or base64), with
/// Elasticsearch's checks and messages. Values are kept as floats: a byte as its signed value, a bit vector as its
/// packed bytes (dims / 8 of them), a bfloat16 rounded to bfloat16 precision.
/// </summary>
internal static class ElementVectorParsing
{
    public static float[] Parse(JsonElement value, FieldMapping field, string id)
    {
        var element = field.ElementType;
        float[] vector;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                var expected = field.Dims is { } d ? VectorElementTypes.StoredLength(element, d) : (int?)null;
                vector = VectorText.Decode(text, element, expected, hexForFloats: false, out var error)
                    ?? throw DocumentErrors.FieldParse(field.Path, "dense_vector", id, text, "Failed to parse object: " + error, "parsing_exception");
                if (expected is { } length && vector.Length != length)
                {
                    throw DocumentErrors.FieldParse(field.Path, "dense_vector", id, text,
                        "Failed to parse object: the encoded vector has " + VectorElementTypes.Dims(element, vector.Length) + " dimensions, the mapping [" + field.Dims + "]", "parsing_exception");
                }

                break;
            case JsonValueKind.Array:
                vector = new float[value.GetArrayLength()];
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var number))
                    {
                        throw DocumentErrors.FieldParse(field.Path, "dense_vector", id, item.GetRawText(),
                            "Failed to parse object: expecting token of type [VALUE_NUMBER] but found [" + item.ValueKind.ToString().ToUpperInvariant() + "]", "parsing_exception");
                    }

                    if (element != VectorElementType.BFloat16 && VectorElementTypes.ByteValueError(number, element, i) is { } invalid)
                    {
                        throw VectorParsing.Failed(invalid);
                    }

                    vector[i] = element == VectorElementType.BFloat16 ? VectorElementTypes.ToBFloat16((float)number) : (float)number;
                    i++;
                }

                break;
            default:
                throw DocumentErrors.FieldParse(field.Path, "dense_vector", id, value.GetRawText(),
                    "Unsupported type [" + value.ValueKind.ToString().ToUpperInvariant() + "] for provided value [" + value.GetRawText() + "]", "parsing_exception");
        }

        VectorParsing.CheckDims(VectorElementTypes.Dims(element, vector.Length), field, id);
        if (!float.IsFinite(vector.Sum(v => v * v)) && !VectorElementTypes.IsByteValued(element))
        {
            throw VectorParsing.Failed("NaN or Infinite magnitude detected, this usually means the vector values are too extreme to fit within a float.");
        }

        // Bit vectors have no magnitude check (their similarity is l2_norm, Hamming distance).
        return element == VectorElementType.Bit ? vector : VectorParsing.Checked(vector, field);
    }
}
