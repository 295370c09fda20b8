using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using Gateway.EmbeddedStore.Errors;
using Gateway.EmbeddedStore.Mapping;
using Gateway.EmbeddedStore.Search.Execution;
using Gateway.EmbeddedStore.Search.Index;
using Gateway.EmbeddedStore.Search.Knn;

namespace Gateway.EmbeddedStore.Search.Query;

/// <summary>
/// The <c>dense_vector</c> query (ES 9.5): every document with a vector in the field, scored exactly against the
/// query vector with the field's similarity or <c>similarity_function</c> (cosine for a field mapped without one).
/// Scores are always raw (full precision), so <c>quantized: true</c> changes nothing here, as on a non-quantized
/// Elasticsearch index; <c>similarity_function</c> and <c>quantized: true</c> together are refused, as in ES.
/// </summary>
internal sealed class DenseVectorQuery : QueryNode
{
    private DenseVectorQuery(string field, float[]? vector, string? encoded, VectorSimilarity? similarity)
    {
        Field = field;
        Vector = vector;
        Encoded = encoded;
        SimilarityFunction = similarity;
    }

    public string Field { get; }

    public float[]? Vector { get; }

    public string? Encoded { get; }

    public VectorSimilarity? SimilarityFunction { get; }

    public static DenseVectorQuery Parse(JsonNode? body)
    {
        var obj = body as JsonObject ?? throw StoreException.Parsing("[dense_vector] query malformed, no start_object after query name");
        string? field = null, encoded = null, similarityName = null;
        float[]? vector = null;
        var quantized = false;
        var boost = 1f;
        string? name = null;
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "field":
                    field = JsonValues.AsString(value);
                    break;
                case "query_vector" when value is JsonArray array:
                    vector = array.Select(v => (float)JsonValues.ToDouble(v, "query_vector")).ToArray();
                    break;
                case "query_vector":
                    encoded = JsonValues.AsString(value) ?? throw StoreException.Parsing("[dense_vector] [query_vector] must be an array of numbers or an encoded string");
                    break;
                case "similarity_function":
                    similarityName = JsonValues.AsString(value);
                    break;
                case "quantized":
                    quantized = JsonValues.ToBool(value, key);
                    break;
                case "boost":
                    boost = (float)JsonValues.ToDouble(value, key);
                    break;
                case "_name":
                    name = JsonValues.AsString(value);
                    break;
                default:
                    throw StoreException.Parsing("[dense_vector] query does not support [" + key + "]");
            }
        }

        if (field is null)
        {
            throw StoreException.IllegalArgument("[dense_vector] requires [field]");
        }

        if (vector is null && encoded is null)
        {
            throw StoreException.IllegalArgument("[dense_vector] requires [query_vector]");
        }

        VectorSimilarity? similarity = null;
        if (similarityName is not null)
        {
            similarity = VectorSimilarities.Parse(similarityName) ?? throw StoreException.IllegalArgument(
                "Unknown value [" + similarityName + "] for field [similarity_function] - accepted values are [l2_norm, dot_product, cosine, max_inner_product]");
            if (quantized)
            {
                throw StoreException.IllegalArgument("[dense_vector] cannot set both [similarity_function] and [quantized]: a similarity override is scored on the raw vectors");
            }
        }

        return new DenseVectorQuery(field, vector, encoded, similarity) { Boost = boost, Name = name };
    }

    public override DocResult Execute(SearchContext context, bool scoring)
    {
        var bits = new DocBits(context.MaxDoc);
        var scores = context.Scores();
        if (context.Field(Field) is not { } field)
        {
            return new DocResult(bits, scores, Boost);
        }

        if (field.Kind != FieldKind.DenseVector)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument(
                "[dense_vector] queries are only supported on [dense_vector] fields, but field [" + Field + "] is of type [" + FieldTypeNames.Of(field.Kind) + "]"));
        }

        if (field.ElementType == VectorElementType.Bit && SimilarityFunction is { } given && given != VectorSimilarity.L2Norm)
        {
            throw SearchErrors.AllShardsFailed(StoreException.IllegalArgument("The [l2_norm] similarity is the only supported similarity for bit vectors"));
        }

        var query = KnnQueryVector.Resolve(Vector, Encoded, field, topLevel: false);
        var similarity = SimilarityFunction ?? field.Similarity ?? (field.ElementType == VectorElementType.Bit ? VectorSimilarity.L2Norm : VectorSimilarity.Cosine);
        // An override scores the original vectors (ES reconstructs them from the unit vector and its magnitude).
        foreach (var ord in context.Snapshot.Live.Ordinals())
        {
            if (context.Snapshot.Docs[ord]?.Fields.GetValueOrDefault(Field)?.Vector is { } doc && doc.Length == query.Length)
            {
                bits.Set(ord);
                scores[ord] = Score(similarity, field.ElementType, query, doc) * Boost;
            }
        }

        return new DocResult(bits, scores, Boost);
    }

    // On raw (unnormalised) vectors: the cosine of float vectors is computed here rather than on normalised copies.
    private static float Score(VectorSimilarity similarity, VectorElementType element, float[] query, float[] doc) =>
        similarity == VectorSimilarity.Cosine && !VectorElementTypes.IsByteValued(element)
            ? VectorScoring.Score(VectorSimilarity.Cosine, TensorPrimitives.CosineSimilarity(query, doc))
            : VectorScoring.ExactScore(similarity, element, query, doc);
}
