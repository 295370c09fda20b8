namespace Gateway.Embeddings;

/// <summary>Lifecycle of the embedding model.</summary>
public enum EmbeddingModelState
{
    Missing,
    Downloading,
    Loading,
    Ready,
    Failed,
}
