namespace Gateway.PhotoFiles;

/// <summary>A stored photo's file on disk.</summary>
/// <param name="FullPath">Absolute path of the original.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="LastWriteUtc">Modification time, part of the thumbnail cache key.</param>
internal sealed record PhotoFile(string FullPath, long Length, DateTime LastWriteUtc)
{
    /// <summary>The file name.</summary>
    public string Name => Path.GetFileName(FullPath);
}
