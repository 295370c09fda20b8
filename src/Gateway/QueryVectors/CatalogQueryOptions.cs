using System.ComponentModel.DataAnnotations;

namespace Gateway.QueryVectors;

/// <summary>How queries use the peak catalog (configuration section <c>Gateway:Catalog</c>); the catalog's index and
/// vector field are <c>Indices:Catalog</c> and <c>Indices:CatalogVectorField</c> (<see cref="Upstream.GatewayIndicesOptions"/>).</summary>
internal sealed class CatalogQueryOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Gateway:Catalog";

    /// <summary>How many identified peaks image queries and <c>/_gateway/identify</c> report.</summary>
    [Range(1, 50)]
    public int IdentifyTop { get; set; } = 3;

    /// <summary>Weight of the image vector in <c>blend</c> mode (the peak prototype gets the rest).</summary>
    [Range(0.0, 1.0)]
    public double BlendImageWeight { get; set; } = 0.5;

    /// <summary>
    /// Weight of the peak prototype when a text query contains a peak name among other words ("ama dablam at
    /// sunrise"): the query vector is normalise(w·prototype + (1 − w)·the text's own prompt ensemble). 1 uses the
    /// prototype alone, 0 ignores the name. A text that is only a peak name always uses the prototype alone.
    /// </summary>
    [Range(0.0, 1.0)]
    public double PeakNameWeight { get; set; } = 0.5;

    /// <summary>How long cached catalog names and prototypes live without a change signal.</summary>
    [Range(1, 86_400)]
    public int CacheSeconds { get; set; } = 60;
}
