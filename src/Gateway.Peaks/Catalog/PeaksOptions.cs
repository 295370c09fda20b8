using System.ComponentModel.DataAnnotations;

namespace Gateway.Peaks.Catalog;

/// <summary>Where the peak catalog lives and which index it goes to (section <c>Peaks</c>).</summary>
public sealed class PeaksOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Peaks";

    /// <summary>The editable catalog file. Default <c>peaks.yaml</c>: the gateway host resolves relative paths against its
    /// data folder and seeds the file from the shipped <c>config/peaks.yaml</c> on first run.</summary>
    [Required]
    public string CatalogPath { get; set; } = "peaks.yaml";

    /// <summary>The upstream index holding one document per peak. Default <c>peaks_catalog</c>; <c>AddPeakCatalog</c> sets
    /// it from <c>Indices:Catalog</c> (<see cref="Upstream.GatewayIndicesOptions"/>).</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]*$")]
    public string IndexName { get; set; } = "peaks_catalog";

    /// <summary>How many reference photos are blended into a peak's prototype: the newest album references first,
    /// then the first photos (by name) of its reference folder. Default 3.</summary>
    [Range(1, 10)]
    public int MaxReferencePhotos { get; set; } = 3;

    /// <summary>The photos index or alias album references are read from (the ingestion's <c>Photos:Alias</c>). Default <c>photos</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]*$")]
    public string PhotosIndex { get; set; } = "photos";
}
