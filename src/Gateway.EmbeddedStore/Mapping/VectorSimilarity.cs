namespace Gateway.EmbeddedStore.Mapping;

/// <summary>dense_vector similarity functions, with Elasticsearch's score transforms.</summary>
internal enum VectorSimilarity
{
    Cosine,
    DotProduct,
    L2Norm,
    MaxInnerProduct,
}
