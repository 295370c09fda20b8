namespace Gateway.Embeddings;

/// <summary>Why the embedding service gave no vector. Each maps to one HTTP answer in the host.</summary>
public enum EmbeddingFailureKind
{
    /// <summary>The queue is full; retry after <see cref="EmbeddingFailure.RetryAfter"/> (HTTP 429).</summary>
    Refused,

    /// <summary>No model is loaded: missing, downloading, loading or failed; the reason names the model and the command that fetches it (HTTP 503).</summary>
    Unavailable,

    /// <summary>The image does not decode (HTTP 400).</summary>
    Undecodable,

    /// <summary>The image exceeds a decode limit (HTTP 413).</summary>
    TooLarge,
}
