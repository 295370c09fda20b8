namespace Gateway.PhotoFiles.Thumbnails;

/// <summary>Encoding of a server-side thumbnail.</summary>
internal enum ThumbnailFormat
{
    Jpeg,
    WebP,
}
