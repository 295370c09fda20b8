namespace Gateway.Peaks.Catalog;

/// <summary>
/// Which reference photos a prototype blends: the newest album references that the photos index holds (so the
/// latest "This is" always counts), then the first photos of the peak's reference folder, at most
/// <see cref="PeaksOptions.MaxReferencePhotos"/> in all.
/// </summary>
public static class ReferenceSelection
{
    /// <summary>The album references blended in, newest first: those of <paramref name="references"/> (oldest first,
    /// as the catalog lists them) that <paramref name="indexed"/> says exist, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<AlbumPhoto> AlbumReferences(IReadOnlyList<AlbumPhoto> references, Func<AlbumPhoto, bool> indexed, int max)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(indexed);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return references.Reverse().Where(indexed).Take(max).ToList();
    }

    /// <summary>How many folder photos fill the slots the album references left.</summary>
    public static int FolderSlots(int albumReferencesUsed, int max) => Math.Max(0, max - albumReferencesUsed);
}
