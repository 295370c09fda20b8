namespace Gateway.Embeddings.Service;

/// <summary>The scheduler's queues, highest priority first: text (queries and catalog prompts), a search's image, indexing images.</summary>
internal enum EmbeddingLane
{
    Text = 0,
    QueryImage = 1,
    IndexImage = 2,
}
