using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Gateway.Upstream;

/// <summary>
/// The indices the gateway itself names (configuration section <c>Indices</c>): the photos alias that ingestion writes
/// behind and searches, <c>photo_id</c> reads and the pages use, and the peak catalog index, with their vector fields.
/// Every part of the gateway takes the names from here.
/// </summary>
public sealed class GatewayIndicesOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Indices";

    /// <summary>The photos alias; full reindexes write <c>{Photos}-v{timestamp}</c> behind it. Default <c>photos</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]*$")]
    public string Photos { get; set; } = "photos";

    /// <summary>The peak catalog index, one document per peak. Default <c>peaks_catalog</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]*$")]
    public string Catalog { get; set; } = "peaks_catalog";

    /// <summary>The photos' image vector field. Default <c>clip_image</c>.</summary>
    [Required]
    public string PhotosVectorField { get; set; } = "clip_image";

    /// <summary>The catalog's prototype vector field. Default <c>text_embed</c>.</summary>
    [Required]
    public string CatalogVectorField { get; set; } = "text_embed";

    /// <summary>
    /// Keys that named these indices before the <c>Indices</c> section existed, and that the docs promised; each is
    /// read when the <c>Indices</c> key is not set (the first one set wins).
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> FormerKeys { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [nameof(Photos)] = ["Gateway:Rewrite:PhotoIndex", "Gateway:Ui:PhotosIndex", "Photos:Alias"],
        [nameof(Catalog)] = ["Gateway:Catalog:Index", "Gateway:Ui:CatalogIndex", "Peaks:IndexName"],
        [nameof(CatalogVectorField)] = ["Gateway:Catalog:VectorField"],
    };

    /// <summary>Applies <see cref="FormerKeys"/> of <paramref name="configuration"/> that the <c>Indices</c> section does not override.</summary>
    public void ApplyFormerKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Former(string name) => configuration[SectionName + ":" + name] is null
            ? FormerKeys[name].Select(key => configuration[key]).FirstOrDefault(v => !string.IsNullOrEmpty(v))
            : null;

        Photos = Former(nameof(Photos)) ?? Photos;
        Catalog = Former(nameof(Catalog)) ?? Catalog;
        CatalogVectorField = Former(nameof(CatalogVectorField)) ?? CatalogVectorField;
    }
}
