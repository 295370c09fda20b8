using Gateway.Photos.Ingestion;
using Microsoft.Extensions.Options;

namespace Gateway.Ui.Photos;

/// <summary>The album roots of the ingestion configuration (<see cref="PhotosOptions.Albums"/>) as absolute folders.</summary>
internal sealed class AlbumRoots(IOptionsMonitor<PhotosOptions> options)
{
    /// <summary>Every configured album as (name, absolute root); relative roots resolve as ingestion resolves them.</summary>
    public IReadOnlyList<(string Name, string Root)> All() =>
        options.CurrentValue.Albums
            .Where(a => !string.IsNullOrWhiteSpace(a.Root))
            .Select(a => (a.Name, Path.GetFullPath(a.Root)))
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
