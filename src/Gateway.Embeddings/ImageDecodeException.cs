namespace Gateway.Embeddings;

/// <summary>An image could not be decoded or exceeds a limit. <see cref="TooLarge"/> maps to HTTP 413, otherwise 400.</summary>
public sealed class ImageDecodeException(string message, bool tooLarge = false, Exception? inner = null) : Exception(message, inner)
{
    public bool TooLarge { get; } = tooLarge;
}
