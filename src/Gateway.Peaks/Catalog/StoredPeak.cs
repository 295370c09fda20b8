namespace Gateway.Peaks.Catalog;

/// <summary>A peak as stored in <c>peaks_catalog</c>, with its <c>text_embed</c> prototype.</summary>
/// <param name="Peak">The peak.</param>
/// <param name="Vector">Its unit-length prototype.</param>
public sealed record StoredPeak(Peak Peak, float[] Vector);
