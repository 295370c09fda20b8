namespace Gateway.Peaks;

/// <summary>
/// A photo of an album, named the way it survives a reindex: the album's name and the photo's path relative to the
/// album root (with '/' separators), not a document id.
/// </summary>
/// <param name="Album">The album name (the photos index's <c>album</c>).</param>
/// <param name="Path">The album-relative path (the photos index's <c>path</c>).</param>
public sealed record AlbumPhoto(string Album, string Path)
{
    /// <summary><c>album/path</c>, for messages and hashes.</summary>
    public override string ToString() => Album + "/" + Path;
}
