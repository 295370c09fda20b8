namespace Gateway.Peaks.Yaml;

/// <summary>One <c>album_references</c> or <c>album_negatives</c> item of a peak entry.</summary>
internal sealed class AlbumPhotoYamlEntry
{
    public string? Album { get; set; }

    public string? Path { get; set; }
}
