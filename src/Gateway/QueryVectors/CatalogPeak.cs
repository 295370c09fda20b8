namespace Gateway.QueryVectors;

/// <summary>A catalog peak as queries use it.</summary>
/// <param name="Id">The catalog id.</param>
/// <param name="Name">Display name (first name).</param>
/// <param name="Names">Every name and alias.</param>
/// <param name="Vector">The prototype (<c>text_embed</c>).</param>
internal sealed record CatalogPeak(string Id, string Name, IReadOnlyList<string> Names, float[] Vector);
