namespace Gateway.EmbeddedStore.Mapping;

/// <summary>dense_vector similarity functions, with Elasticsearch's score transforms.</summary>
public enum VectorSimilarity
{
    Cosine,
    DotProduct,
    L2Norm,
    MaxInnerProduct,
}
