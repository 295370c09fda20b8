namespace Gateway.Embeddings.Models;

/// <summary>A model file could not be fetched or failed verification; the message says which and what to do.</summary>
public sealed class ModelDownloadException(string message, Exception? inner = null) : Exception(message, inner);
