namespace Gateway.Photos.Ingestion;

/// <summary>An image file found in an album.</summary>
/// <param name="Album">Album name.</param>
/// <param name="FullPath">Absolute path on disk.</param>
/// <param name="RelativePath">Path relative to the album root, with '/' separators.</param>
/// <param name="Size">File size in bytes.</param>
/// <param name="ModifiedUtc">Last-write time (UTC).</param>
public sealed record PhotoFile(string Album, string FullPath, string RelativePath, long Size, DateTimeOffset ModifiedUtc)
{
    /// <summary>The stable document id of this file.</summary>
    public string Id => PhotoId.For(Album, RelativePath);

    /// <summary>Last-write time truncated to milliseconds, as stored in <c>mtime</c> (dates keep milliseconds).</summary>
    public long ModifiedMs => ModifiedUtc.ToUnixTimeMilliseconds();
}
