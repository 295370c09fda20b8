namespace Gateway.Peaks.Catalog;

/// <summary>What a catalog rebuild did.</summary>
/// <param name="Total">Peaks in the catalog file.</param>
/// <param name="Updated">Peaks (re)embedded and written because they were new or changed.</param>
/// <param name="Unchanged">Peaks skipped because their content hash matched.</param>
/// <param name="Deleted">Documents removed because their peak left the catalog.</param>
/// <param name="Failures">Per-peak problems (e.g. a reference photo that does not decode); those peaks keep their old document.</param>
public sealed record CatalogRebuildResult(int Total, int Updated, int Unchanged, int Deleted, IReadOnlyList<string> Failures);
