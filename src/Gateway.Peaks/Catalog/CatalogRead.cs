using Gateway.Upstream;

namespace Gateway.Peaks.Catalog;

/// <summary>The outcome of reading a catalog's prototypes.</summary>
/// <param name="Prototypes">The prototypes (empty when the index does not exist or the read failed).</param>
/// <param name="Failure">The upstream's answer when the read failed; null on success.</param>
public sealed record CatalogRead(IReadOnlyList<CatalogPrototype> Prototypes, UpstreamResponse? Failure);
