using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>Parses a dense_vector value straight into a float array and validates it.</summary>
internal static class VectorParsing
{
    public static float[] Parse(JsonElement value, FieldMapping field, string id)
    {
        if (field.ElementType != VectorElementType.Float || value.ValueKind == JsonValueKind.String)
        {
            return ElementVectorParsing.Parse(value, field, id);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw DocumentErrors.FieldParse(field.Path, "dense_vector", id, value.GetRawText(),
                "Unsupported input format for [" + field.Path + "]: expected an array of numbers", "parsing_exception");
        }

        var length = value.GetArrayLength();
        CheckDims(length, field, id);

        // Filled completely below (or the document is rejected). Pinned heap: a vector lives as long
        // as its document, and 3 KB per document copied through gen0 and gen1 is wasted work.
        var vector = GC.AllocateUninitializedArray<float>(length, pinned: true);
        var squares = FloatArrayText.TryParse(JsonMarshal.GetRawUtf8Value(value), vector)
            ? SumOfSquares(vector)
            : ParseElements(value, vector, field, id);
        return Checked(vector, field, squares);
    }

    /// <summary>Refuses a vector of <paramref name="dims"/> dimensions (bits for a bit vector) that the mapping does not have.</summary>
    public static void CheckDims(int dims, FieldMapping field, string id)
    {
        if (field.Dims is { } mapped && dims != mapped)
        {
            var message = dims > mapped
                ? "The [dense_vector] field [" + field.Path + "] in doc [document with id '" + id + "'] has more dimensions than defined in the mapping [" + mapped + "]"
                : "The [dense_vector] field [" + field.Path + "] in doc [document with id '" + id + "'] has a different number of dimensions [" + dims + "] than defined in the mapping [" + mapped + "]";
            throw Failed(message);
        }
    }

    /// <summary>Elasticsearch 9 wraps the mapper's illegal_argument_exception: "failed to parse: " + its message.</summary>
    public static StoreException Failed(string message) =>
        new(400, "document_parsing_exception", "failed to parse: " + message)
        {
            CausedBy = new StoreException(400, "illegal_argument_exception", message),
        };

    /// <summary>Applies the checks on a vector parsed elsewhere (of the mapped length, finite values).</summary>
    public static float[] Checked(float[] vector, FieldMapping field) => Checked(vector, field, SumOfSquares(vector));

    private static float[] Checked(float[] vector, FieldMapping field, double squares)
    {
        if (field.Indexed && field.Similarity is VectorSimilarity.Cosine or null && squares == 0)
        {
            throw new StoreException(400, "document_parsing_exception",
                "The [cosine] similarity does not support vectors with zero magnitude. Preview of invalid vector: [" +
                string.Join(", ", vector.Take(5).Select(v => v.ToString(VectorElementTypes.IsByteValued(field.ElementType) ? "0" : "0.0##", CultureInfo.InvariantCulture))) + "]");
        }

        return vector;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SumOfSquares(float[] vector)
    {
        double squares = 0;
        foreach (var f in vector)
        {
            squares += (double)f * f;
        }

        return squares;
    }

    // The slow path, element by element: it names the first value that is not a finite number.
    private static double ParseElements(JsonElement value, float[] vector, FieldMapping field, string id)
    {
        var i = 0;
        double squares = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetSingle(out var f) || !float.IsFinite(f))
            {
                throw new StoreException(400, "document_parsing_exception",
                    "[dense_vector] field [" + field.Path + "] of doc [" + id + "] has an invalid value [" + item.GetRawText() + "]: only finite numbers are allowed");
            }

            vector[i++] = f;
            squares += (double)f * f;
        }

        return squares;
    }
}
