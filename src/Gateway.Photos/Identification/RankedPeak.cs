namespace Gateway.Photos.Identification;

/// <summary>A peak as vision and geometry rank it together.</summary>
/// <param name="Id">Catalog id.</param>
/// <param name="Score">Vision: cosine similarity between the photo and the peak's prototype.</param>
/// <param name="RankScore">The score the peak is ranked and thresholded by: <paramref name="Score"/>, minus the
/// out-of-frame penalty in <see cref="GeometryMode.Weight"/> mode when the peak is impossible.</param>
/// <param name="Possible">Whether geometry allows the peak (always true without GPS).</param>
public sealed record RankedPeak(string Id, double Score, double RankScore, bool Possible);
