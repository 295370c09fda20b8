namespace Gateway.Peaks.Catalog;

/// <summary>An album photo as the photos index holds it now.</summary>
/// <param name="Photo">Album and path.</param>
/// <param name="Id">The document id (for thumbnails and links; it may change across reindexes, the album and path do not).</param>
/// <param name="Vector">The stored image vector, or null when the document has none.</param>
public sealed record AlbumPhotoHit(AlbumPhoto Photo, string Id, float[]? Vector);
