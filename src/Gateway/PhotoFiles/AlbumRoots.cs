using Gateway.Albums;

namespace Gateway.PhotoFiles;

/// <summary>The album roots of <see cref="AlbumRegistry"/> (configured and added albums) as absolute folders.</summary>
internal sealed class AlbumRoots(AlbumRegistry registry)
{
    /// <summary>Every album as (name, absolute root).</summary>
    public IReadOnlyList<(string Name, string Root)> All() =>
        registry.All()
            .Where(a => !string.IsNullOrWhiteSpace(a.Root))
            .Select(a => (a.Name, a.Root))
            .ToList();

    /// <summary>The roots to try for a photo of <paramref name="album"/>: the named album first, then every other.</summary>
    public IEnumerable<string> Candidates(string? album)
    {
        var all = All();
        return all.Where(a => string.Equals(a.Name, album, StringComparison.Ordinal))
            .Concat(all.Where(a => !string.Equals(a.Name, album, StringComparison.Ordinal)))
            .Select(a => a.Root);
    }
}
