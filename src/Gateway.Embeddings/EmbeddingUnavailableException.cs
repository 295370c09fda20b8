namespace Gateway.Embeddings;

/// <summary>No model is loaded; the message names the missing model and the command that fetches it (HTTP 503).</summary>
public sealed class EmbeddingUnavailableException(string message) : Exception(message);
