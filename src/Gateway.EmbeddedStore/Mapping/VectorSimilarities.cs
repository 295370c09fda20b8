namespace Gateway.EmbeddedStore.Mapping;

/// <summary>Maps Elasticsearch's similarity names to <see cref="VectorSimilarity"/>.</summary>
internal static class VectorSimilarities
{
    public static VectorSimilarity? Parse(string name) => name switch
    {
        "cosine" => VectorSimilarity.Cosine,
        "dot_product" => VectorSimilarity.DotProduct,
        "l2_norm" => VectorSimilarity.L2Norm,
        "max_inner_product" => VectorSimilarity.MaxInnerProduct,
        _ => null,
    };
}
