namespace Gateway.Peaks.Yaml;

/// <summary>One peak entry of <c>config/peaks.yaml</c>.</summary>
internal sealed class PeakYamlEntry
{
    public string? Id { get; set; }

    public Dictionary<string, List<string>>? Names { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public int? ElevM { get; set; }

    public string? ReferencePhotos { get; set; }

    public List<AlbumPhotoYamlEntry>? AlbumReferences { get; set; }

    public List<AlbumPhotoYamlEntry>? AlbumNegatives { get; set; }

    public string? Source { get; set; }
}
