using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;

namespace Gateway.EmbeddedStore.Search.Knn;

/// <summary>
/// Turns a kNN query vector into the field's stored values with Elasticsearch's checks: decodes hex/base64 for the
/// element type, checks byte and bit elements and the dims (a bit vector's dims are its bytes × 8).
/// </summary>
internal static class KnnQueryVector
{
    /// <summary>The values to score with; throws a 400 for a vector the field cannot take.</summary>
    public static float[] Resolve(KnnSearch knn, FieldMapping field) => Resolve(knn.QueryVector, knn.EncodedQueryVector, field, knn.TopLevel);

    /// <summary>The values of a query vector given as numbers or as a hex/base64 string, for <paramref name="field"/>.</summary>
    public static float[] Resolve(float[]? numbers, string? encoded, FieldMapping field, bool topLevel)
    {
        var element = field.ElementType;
        var expected = field.Dims is { } d ? VectorElementTypes.StoredLength(element, d) : (int?)null;
        float[] vector;
        if (encoded is { } text)
        {
            vector = VectorText.Decode(text, element, expected, hexForFloats: true, out var error)
                ?? throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("failed to parse field [query_vector]: " + error));
        }
        else
        {
            vector = numbers!;
            if (VectorElementTypes.IsByteValued(element))
            {
                for (var i = 0; i < vector.Length; i++)
                {
                    if (VectorElementTypes.ByteValueError(vector[i], element, i) is { } invalid)
                    {
                        throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(invalid + Preview(vector)));
                    }
                }
            }
        }

        var queryDims = VectorElementTypes.Dims(element, vector.Length);
        if (field.Dims is { } dims && dims != queryDims)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(topLevel
                ? "The query vector has a different number of dimensions [" + queryDims + "] than the document vectors [" + dims + "]."
                : "the query vector has a different dimension [" + queryDims + "] than the index vectors [" + dims + "]"));
        }

        if (element == VectorElementType.Byte && field.Similarity == VectorSimilarity.Cosine && vector.All(v => v == 0))
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "The [cosine] similarity does not support vectors with zero magnitude." + Preview(vector)));
        }

        return vector;
    }

    private static string Preview(float[] vector) =>
        " Preview of invalid vector: [" + string.Join(", ", vector.Take(5).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) + (vector.Length >= 5 ? ", ...]" : "]");
}
