namespace Gateway.Peaks;

/// <summary>A named peak of the catalog (one entry of <c>config/peaks.yaml</c>).</summary>
public sealed record Peak
{
    /// <summary>Stable slug, e.g. <c>ama-dablam</c>: the document id in <c>peaks_catalog</c> and the value of <c>predicted_peaks</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Names and aliases by language tag (<c>en</c>, <c>ne</c>, <c>bo</c>, <c>zh</c>, <c>ja</c>, ...); the first English name is the display name.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Names { get; init; }

    /// <summary>Summit latitude in decimal degrees.</summary>
    public required double Latitude { get; init; }

    /// <summary>Summit longitude in decimal degrees.</summary>
    public required double Longitude { get; init; }

    /// <summary>Summit elevation in metres.</summary>
    public required int ElevationM { get; init; }

    /// <summary>Optional folder of reference photos (relative to the catalog file), 1-3 of which are blended into the prototype.</summary>
    public string? ReferencePhotos { get; init; }

    /// <summary>Album photos marked "This is" this peak (oldest first); the newest are blended into the prototype
    /// (see <c>ReferenceSelection</c>).</summary>
    public IReadOnlyList<AlbumPhoto> AlbumReferences { get; init; } = [];

    /// <summary>Album photos marked "Not" this peak: never blended in and never proposed as a candidate again.</summary>
    public IReadOnlyList<AlbumPhoto> AlbumNegatives { get; init; } = [];

    /// <summary>Where the coordinates and names come from.</summary>
    public string? Source { get; init; }

    /// <summary>The display name: the first English name, else the first name of any language, else the id.</summary>
    public string DisplayName =>
        Names.TryGetValue("en", out var en) && en.Count > 0 ? en[0]
        : Names.Values.SelectMany(v => v).FirstOrDefault() ?? Id;

    /// <summary>Every name and alias in every language, without duplicates, in catalog order.</summary>
    public IReadOnlyList<string> AllNames => Names.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).ToList();
}
