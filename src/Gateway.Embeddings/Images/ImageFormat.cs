namespace Gateway.Embeddings.Images;

/// <summary>Container formats recognised from their first bytes (never from the file name).</summary>
internal enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    WebP,
    Bmp,
    Heif,
    Tiff,
}
