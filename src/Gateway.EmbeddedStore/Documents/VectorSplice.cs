using System.Text.Json;
using Gateway.EmbeddedStore.Mapping;

namespace Gateway.EmbeddedStore.Documents;

/// <summary>
/// Takes a top-level dense_vector array out of a source before the DOM parse. JsonDocument would
/// tokenise its hundreds of numbers (half the parse time of a photo document) only for
/// <see cref="FloatArrayText"/> to read them again; instead the array is validated and parsed
/// once here, and the DOM parse sees <c>[]</c> in its place. Anything unusual (no such field, a
/// value that is not an array of the mapped length of JSON numbers, malformed JSON) returns false
/// and the caller parses the source as it is, so errors stay exactly the same.
/// </summary>
internal static class VectorSplice
{
    /// <summary>The field, its parsed values, and where its array text starts and ends in the source.</summary>
    public readonly record struct Extracted(string Path, float[] Vector, int Start, int End);

    public static bool TryExtract(ReadOnlySpan<byte> source, IndexMapping mapping, out Extracted extracted)
    {
        extracted = default;
        var reader = new Utf8JsonReader(source, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = TopLevelVector(ref reader, mapping);
                if (!reader.Read())
                {
                    return false;
                }

                if (field is { Dims: { } dims } && reader.TokenType == JsonTokenType.StartArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    var vector = GC.AllocateUninitializedArray<float>(dims, pinned: true);
                    if (!FloatArrayText.TryParse(source[start..], vector, out var length))
                    {
                        return false;
                    }

                    extracted = new Extracted(field.Path, vector, start, start + length);
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed: the full parse reports it.
        }

        return false;
    }

    private static FieldMapping? TopLevelVector(ref Utf8JsonReader reader, IndexMapping mapping)
    {
        foreach (var field in mapping.Fields)
        {
            if (field is { Kind: FieldKind.DenseVector, Dims: not null, ParentPath: null, ElementType: VectorElementType.Float } && !field.Path.Contains('.') && reader.ValueTextEquals(field.Path))
            {
                return field;
            }
        }

        return null;
    }
}
