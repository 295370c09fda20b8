namespace Gateway.Embeddings.Images;

/// <summary>Encoding of a server-side thumbnail.</summary>
public enum ThumbnailFormat
{
    Jpeg,
    WebP,
}
