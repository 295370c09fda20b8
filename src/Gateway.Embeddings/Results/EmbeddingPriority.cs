namespace Gateway.Embeddings;

/// <summary>Which lane an image waits in: a search's image is served before every image queued for indexing.</summary>
public enum EmbeddingPriority
{
    /// <summary>A search or identify request is waiting for the answer.</summary>
    Query,

    /// <summary>Album or catalog indexing: runs when no query is waiting, in batches small enough that a query's wait is bounded.</summary>
    Indexing,
}
